using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Bad values for every parameter of every exported cmdlet: each is refused with one ErrorRecord that has a
    /// stable ErrorId and a message a user can act on (no stack trace), and nothing is written or connected.
    /// A new parameter without a row here fails <see cref="Every_exported_parameter_has_a_bad_input_row"/>.
    /// </summary>
    public class BadInputTests
    {
        private const string Connect = "Connect-GcOrganization";

        /// <summary>A live connect that gets past validation goes nowhere: a closed port on this machine, no retries.</summary>
        private const string Nowhere = " -LoginBaseUri $nowhere -ApiBaseUri $nowhere -MaxRetryCount 0 -TimeoutSec 5";

        private const string Huge = "('x' * 100000)";

        private static readonly string MissingFile = Path.Combine(Path.GetTempPath(), "oauthaudit-" + Guid.NewGuid().ToString("N"), "absent.json");

        private static readonly string SamplesFolder = Path.Combine(RepositoryPaths.Root, "samples");

        private static readonly IReadOnlyList<BadInput> Rows = BuildRows();

        private static readonly Dictionary<string, BadInput> RowsByLabel = Rows.ToDictionary(row => row.Label, StringComparer.Ordinal);

        public static IEnumerable<object[]> Labels() => Rows.Select(row => new object[] { row.Label });

        [Theory]
        [MemberData(nameof(Labels))]
        public void Bad_input_is_refused_with_a_clear_error_and_nothing_written(string label)
        {
            var row = RowsByLabel[label];
            using var shell = new PowerShellSession();
            if (row.Cmdlet != Connect)
            {
                shell.Run("Connect-GcOrganization -SnapshotPath $demo | Out-Null", Variables()).ThrowIfFailed();
            }

            var result = shell.Run(row.Script, Variables());

            var errors = result.AllErrors.ToArray();
            var seen = string.Join("\n", errors.Select(error => $"{error.FullyQualifiedErrorId}: {error}"));
            Assert.True(errors.Length == 1, $"{label}: expected one {row.ErrorId} error; got {errors.Length}:\n{seen}\noutput: {string.Join(", ", result.Output)}");
            var record = errors[0];
            Assert.True(record.FullyQualifiedErrorId.StartsWith(row.ErrorId + ",", StringComparison.Ordinal), $"{label}: expected {row.ErrorId}; got {seen}");
            var message = record.ToString();
            Assert.True(message.Contains(row.Fragment, StringComparison.Ordinal), $"{label}: the message should say '{row.Fragment}'; it says: {message}");
            Assert.DoesNotContain("   at ", message);
            Assert.DoesNotContain("   at ", record.ErrorDetails?.Message ?? string.Empty);
            Assert.True(result.Output.Count == 0, $"{label}: wrote {result.Output.Count} object(s): {string.Join(", ", result.Output.Take(3))}");
            if (row.Cmdlet == Connect)
            {
                Assert.Empty(shell.Run("Get-GcContext").Output);
            }
            else if (row.Cmdlet == "Disconnect-GcOrganization")
            {
                Assert.Equal(true, Assert.Single(shell.Run("(Get-GcContext).IsConnected").Output).BaseObject);
            }
        }

        [Fact]
        public void Every_exported_parameter_has_a_bad_input_row()
        {
            using var shell = new PowerShellSession();
            var cmdlets = shell.Run("Get-Command -Module OAuthAudit -CommandType Cmdlet").ThrowIfFailed().Output.Select(item => (CmdletInfo)item.BaseObject).ToArray();
            var rowsPerCmdlet = Rows.GroupBy(row => row.Cmdlet).ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.OrdinalIgnoreCase);

            Assert.NotEmpty(cmdlets);
            Assert.Empty(rowsPerCmdlet.Keys.Except(cmdlets.Select(cmdlet => cmdlet.Name), StringComparer.OrdinalIgnoreCase));
            var uncovered = new List<string>();
            foreach (var cmdlet in cmdlets)
            {
                Assert.True(rowsPerCmdlet.TryGetValue(cmdlet.Name, out var rows) && rows.Length > 0, $"{cmdlet.Name} has no bad-input row");
                var parameters = cmdlet.Parameters.Values
                    .Where(parameter => !Cmdlet.CommonParameters.Contains(parameter.Name) && !Cmdlet.OptionalCommonParameters.Contains(parameter.Name) && !parameter.SwitchParameter)
                    .Select(parameter => parameter.Name)
                    .ToArray();
                foreach (var row in rows!.Where(row => row.Parameter != null))
                {
                    Assert.True(parameters.Contains(row.Parameter, StringComparer.Ordinal), $"{row.Label}: {cmdlet.Name} has no parameter -{row.Parameter} (or it is a switch)");
                    Assert.True(NamesParameter(row), $"{row.Label}: the script never passes -{row.Parameter} to {cmdlet.Name}");
                }

                uncovered.AddRange(parameters.Where(name => !rows.Any(row => row.Parameter == name)).Select(name => $"{cmdlet.Name} -{name}"));
            }

            Assert.True(uncovered.Count == 0, "parameters without a bad-input row: " + string.Join(", ", uncovered));
            Assert.Equal(Rows.Count, RowsByLabel.Count);
        }

        private static Dictionary<string, object?> Variables() => new()
        {
            ["demo"] = RepositoryPaths.DemoSnapshot,
            ["baselineFile"] = Path.Combine(SamplesFolder, "baseline.yml"),
            ["samples"] = SamplesFolder,
            ["missing"] = MissingFile,
            ["secret"] = LiveOrganization.Secure("not-a-real-secret"),
            ["nowhere"] = "http://127.0.0.1:9/",
            ["otherOrg"] = Path.Combine(RepositoryPaths.Root, "tests", "OAuthAudit.Engine.Tests", "Fixtures", "drift-after.json"),
        };

        /// <summary>The row's script passes its parameter by name to its cmdlet.</summary>
        private static bool NamesParameter(BadInput row)
        {
            var ast = Parser.ParseInput(row.Script, out _, out var errors);
            Assert.Empty(errors);
            return ast.FindAll(node => node is CommandAst command && string.Equals(command.GetCommandName(), row.Cmdlet, StringComparison.OrdinalIgnoreCase), true)
                .Cast<CommandAst>()
                .Any(command => command.CommandElements.OfType<CommandParameterAst>().Any(parameter => string.Equals(parameter.ParameterName, row.Parameter, StringComparison.OrdinalIgnoreCase)));
        }

        private static IReadOnlyList<BadInput> BuildRows()
        {
            var rows = new List<BadInput>();
            void Row(string cmdlet, string? parameter, string @case, string script, string errorId, string fragment) =>
                rows.Add(new BadInput(cmdlet, parameter, @case, script, errorId, fragment));

            const string Invalid = "ParameterArgumentValidationError";
            const string Blank = "The value is empty or only white space";
            const string Null = "The argument is null";
            const string TooLong = "The value is 100000 characters long";
            const string NotConvertible = "CannotConvertArgumentNoMessage";
            const string NoSet = "AmbiguousParameterSet";
            const string SecretConnect = Connect + " -ClientId someone -ClientSecret $secret";

            // Connect-GcOrganization: nothing may be connected afterwards.
            Row(Connect, "ClientId", "empty", Connect + " -ClientId '' -ClientSecret $secret", Invalid, Blank);
            Row(Connect, "ClientId", "white space", Connect + " -ClientId '   ' -ClientSecret $secret", Invalid, Blank);
            Row(Connect, "ClientId", "huge", Connect + $" -ClientId {Huge} -ClientSecret $secret", Invalid, TooLong);
            Row(Connect, "ClientId", "null", Connect + " -ClientId $null -ClientSecret $secret", Invalid, Null);
            Row(Connect, "ClientSecret", "plain string", Connect + " -ClientId someone -ClientSecret 'plain-text-secret'", NotConvertible, "SecureString");
            Row(Connect, "ClientSecret", "empty SecureString", Connect + " -ClientId someone -ClientSecret ([securestring]::new())" + Nowhere, "MissingCredentials", "The client secret is empty");
            Row(Connect, "ClientSecret", "white space SecureString", "$blank = [securestring]::new(); 1..3 | ForEach-Object { $blank.AppendChar(' ') }\n"
                + Connect + " -ClientId someone -ClientSecret $blank" + Nowhere, "MissingCredentials", "client secret");
            Row(Connect, "ClientSecret", "null", Connect + " -ClientId someone -ClientSecret $null", Invalid, Null);
            Row(Connect, "Credential", "not a credential", Connect + " -Credential 42", "CannotConvertArgumentNoMessage", "to type \"System.Management.Automation.PSCredential\"");
            Row(Connect, "Credential", "white space user name", Connect + " -Credential ([pscredential]::new(' ', $secret))" + Nowhere, "MissingCredentials", "The client id is empty");
            Row(Connect, "Credential", "empty password", Connect + " -Credential ([pscredential]::new('someone', [securestring]::new()))" + Nowhere, "MissingCredentials", "The client secret is empty");
            Row(Connect, "Credential", "huge user name", Connect + $" -Credential ([pscredential]::new({Huge}, $secret))" + Nowhere, "InvalidCredentials", "characters long; a Genesys Cloud client id is a GUID");
            Row(Connect, "AccessToken", "plain string", Connect + " -AccessToken 'plain-text-token'", NotConvertible, "SecureString");
            Row(Connect, "AccessToken", "empty SecureString", Connect + " -AccessToken ([securestring]::new())" + Nowhere, "MissingCredentials", "access token is empty");
            Row(Connect, "AccessToken", "null", Connect + " -AccessToken $null", Invalid, Null);
            Row(Connect, "SnapshotPath", "empty", Connect + " -SnapshotPath ''", Invalid, Blank);
            Row(Connect, "SnapshotPath", "white space", Connect + " -SnapshotPath '   '", Invalid, Blank);
            Row(Connect, "SnapshotPath", "huge", Connect + $" -SnapshotPath {Huge}", Invalid, TooLong);
            Row(Connect, "SnapshotPath", "not found", Connect + " -SnapshotPath $missing", "SnapshotNotFound", "There is no snapshot file");
            Row(Connect, "SnapshotPath", "a folder", Connect + " -SnapshotPath $samples", "SnapshotNotFound", "is a folder");
            Row(Connect, "SnapshotPath", "a baseline, not a snapshot", Connect + " -SnapshotPath $baselineFile", "SnapshotInvalid", "baseline.yml': this is a baseline (YAML");
            Row(Connect, "SnapshotPath", "with -Region", Connect + " -SnapshotPath $demo -Region eu-west-1", NoSet, "Parameter set cannot be resolved");
            Row(Connect, "Region", "unknown region", SecretConnect + " -Region mars-north-1", Invalid, "is not a Genesys Cloud region");
            Row(Connect, "Region", "empty", SecretConnect + " -Region ''", Invalid, "is not a Genesys Cloud region");
            Row(Connect, "Region", "huge", SecretConnect + $" -Region {Huge}", Invalid, "is not a Genesys Cloud region");
            Row(Connect, "Region", "with -Environment", SecretConnect + " -Region eu-west-1 -Environment mypurecloud.ie", "InvalidEndpoint", "give one of them");
            Row(Connect, "Environment", "empty", SecretConnect + " -Environment ''", Invalid, Blank);
            Row(Connect, "Environment", "white space", SecretConnect + " -Environment '   '", Invalid, Blank);
            Row(Connect, "Environment", "huge", SecretConnect + $" -Environment {Huge}", Invalid, TooLong);
            Row(Connect, "Environment", "not a domain", SecretConnect + " -Environment 'not a domain'", "InvalidEndpoint", "is not a Genesys Cloud environment");
            Row(Connect, "ApiBaseUri", "empty", SecretConnect + " -ApiBaseUri ''", "InvalidEndpoint", "must be an absolute https:// address");
            Row(Connect, "ApiBaseUri", "white space", SecretConnect + " -ApiBaseUri '   '", "InvalidEndpoint", "must be an absolute https:// address");
            Row(Connect, "ApiBaseUri", "huge", SecretConnect + $" -ApiBaseUri ('https://' + {Huge})", NotConvertible, "Invalid URI");
            Row(Connect, "ApiBaseUri", "not absolute", SecretConnect + " -ApiBaseUri 'api.example.com'", "InvalidEndpoint", "must be an absolute https:// address");
            Row(Connect, "ApiBaseUri", "not http", SecretConnect + " -ApiBaseUri 'ftp://api.example.com/'", "InvalidEndpoint", "must be an absolute https:// address");
            Row(Connect, "ApiBaseUri", "plain http to a remote host", SecretConnect + " -ApiBaseUri 'http://api.example.com/'", "InsecureEndpoint", "plain http");
            Row(Connect, "LoginBaseUri", "empty", SecretConnect + " -Region eu-west-1 -LoginBaseUri ''", "InvalidEndpoint", "must be an absolute https:// address");
            Row(Connect, "LoginBaseUri", "not absolute", SecretConnect + " -Region eu-west-1 -LoginBaseUri 'login.example.com'", "InvalidEndpoint", "must be an absolute https:// address");
            Row(Connect, "LoginBaseUri", "plain http to a remote host", SecretConnect + " -Region eu-west-1 -LoginBaseUri 'http://login.example.com/'", "InsecureEndpoint", "plain http");
            Row(Connect, "MaxRetryCount", "not a number", SecretConnect + " -MaxRetryCount many", NotConvertible, "Cannot convert value \"many\" to type \"System.Int32\"");
            Row(Connect, "MaxRetryCount", "too many", SecretConnect + " -MaxRetryCount 99", Invalid, "greater than the maximum allowed range of 20");
            Row(Connect, "MaxRetryCount", "negative", SecretConnect + " -MaxRetryCount -1", Invalid, "less than the minimum allowed range of 0");
            Row(Connect, "MaxRetryWait", "negative", SecretConnect + " -MaxRetryWait -1", Invalid, "less than the minimum allowed range of 0");
            Row(Connect, "MaxRetryWait", "not a number", SecretConnect + " -MaxRetryWait soon", NotConvertible, "Cannot convert value \"soon\" to type \"System.Double\"");
            Row(Connect, "MaxRetryWait", "too long", SecretConnect + " -MaxRetryWait 86400", Invalid, "greater than the maximum allowed range of 3600");
            Row(Connect, "TimeoutSec", "zero", SecretConnect + " -TimeoutSec 0", Invalid, "less than the minimum allowed range of 1");
            Row(Connect, "TimeoutSec", "not a number", SecretConnect + " -TimeoutSec forever", NotConvertible, "Cannot convert value \"forever\" to type \"System.Int32\"");
            Row(Connect, "TimeoutSec", "too long", SecretConnect + " -TimeoutSec 86400", Invalid, "greater than the maximum allowed range of 3600");
            Row(Connect, "MaxResponseSizeMB", "zero", SecretConnect + " -MaxResponseSizeMB 0", Invalid, "less than the minimum allowed range of 1");
            Row(Connect, "MaxResponseSizeMB", "not a number", SecretConnect + " -MaxResponseSizeMB lots", NotConvertible, "Cannot convert value \"lots\" to type \"System.Int32\"");
            Row(Connect, "MaxResponseSizeMB", "too large", SecretConnect + " -MaxResponseSizeMB 100000", Invalid, "greater than the maximum allowed range of 4096");
            Row(Connect, "ClientId", "with -AccessToken", SecretConnect + " -AccessToken $secret", NoSet, "Parameter set cannot be resolved");

            // Save-GcOAuthSnapshot: nothing is written.
            const string Save = "Save-GcOAuthSnapshot";
            Row(Save, "Path", "empty", Save + " -Path ''", Invalid, Blank);
            Row(Save, "Path", "white space", Save + " -Path '   '", Invalid, Blank);
            Row(Save, "Path", "huge", Save + $" -Path {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(Save, "Path", "null", Save + " -Path $null", Invalid, Null);
            Row(Save, "Path", "an existing file", Save + " -Path $demo", "SnapshotExists", "demo-org.json' already exists; it was left as it is");
            Row(Save, "Path", "a folder", Save + " -Path $samples -Force", "SnapshotNotWritten", "is a folder; a snapshot is saved to a file");
            Row(Save, "Path", "another provider", Save + " -Path Env:/OAUTHAUDIT_SNAPSHOT", "SnapshotNotWritten", "is an item of the PowerShell Environment provider, not a file");
            Row(Save, "Context", "a string", Save + " -Path $missing -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row(Save, "Context", "null", Save + " -Path $missing -Context $null", Invalid, Null);
            Row(Save, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + Save + " -Path $missing -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");

            // Disconnect-GcOrganization: the current context stays connected.
            Row("Disconnect-GcOrganization", "Context", "a string", "Disconnect-GcOrganization -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row("Disconnect-GcOrganization", "Context", "null", "Disconnect-GcOrganization -Context $null", Invalid, Null);

            // Get-GcContext takes no parameters.
            Row("Get-GcContext", null, "an unknown parameter", "Get-GcContext -Name Northwind", "NamedParameterNotFound", "A parameter cannot be found that matches parameter name 'Name'");

            // Get-GcOAuthClient
            const string Clients = "Get-GcOAuthClient";
            Row(Clients, "Name", "empty", Clients + " -Name ''", Invalid, Blank);
            Row(Clients, "Name", "white space", Clients + " -Name '   '", Invalid, Blank);
            Row(Clients, "Name", "huge", Clients + $" -Name {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 1024");
            Row(Clients, "Name", "no such client", Clients + " -Name 'No Such Client'", "ClientNotFound", "has no OAuth client named 'No Such Client'");
            Row(Clients, "Id", "empty", Clients + " -Id ''", Invalid, Blank);
            Row(Clients, "Id", "white space", Clients + " -Id '   '", Invalid, Blank);
            Row(Clients, "Id", "huge", Clients + $" -Id {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 256");
            Row(Clients, "Id", "no such client", Clients + " -Id 00000000-0000-0000-0000-000000000000", "ClientNotFound", "has no OAuth client with id '00000000-0000-0000-0000-000000000000'");
            Row(Clients, "Id", "with -Name", Clients + " -Id 00000000-0000-0000-0000-000000000000 -Name x", NoSet, "Parameter set cannot be resolved");
            Row(Clients, "GrantType", "not a grant type", Clients + " -GrantType IMPLICIT", Invalid, "does not belong to the set");
            Row(Clients, "GrantType", "empty", Clients + " -GrantType ''", Invalid, "does not belong to the set");
            Row(Clients, "GrantType", "with -Id", Clients + " -GrantType CODE -Id 00000000-0000-0000-0000-000000000000", NoSet, "Parameter set cannot be resolved");
            Row(Clients, "State", "not a state", Clients + " -State deleted", Invalid, "does not belong to the set");
            Row(Clients, "State", "huge", Clients + $" -State {Huge}", Invalid, "does not belong to the set");
            Row(Clients, "Context", "a string", Clients + " -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row(Clients, "Context", "null", Clients + " -Context $null", Invalid, Null);
            Row(Clients, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + Clients + " -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");
            Row(Clients, null, "-IncludeUsage on a snapshot", Clients + " -IncludeUsage", "UsageNeedsLiveConnection", "Usage needs a live connection");
            Row(Clients, "UsageDays", "zero", Clients + " -IncludeUsage -UsageDays 0", Invalid, "less than the minimum allowed range of 1");
            Row(Clients, "UsageDays", "over a year", Clients + " -IncludeUsage -UsageDays 366", Invalid, "greater than the maximum allowed range of 365");
            Row(Clients, "UsageDays", "not a number", Clients + " -UsageDays soon", NotConvertible, "Cannot convert value \"soon\" to type \"System.Int32\"");
            Row(Clients, "UsageDays", "on a snapshot", Clients + " -UsageDays 30", "UsageNeedsLiveConnection", "Usage needs a live connection");

            // Get-GcOAuthClientUsage
            const string Usage = "Get-GcOAuthClientUsage";
            Row(Usage, "Days", "zero", Usage + " -Days 0", Invalid, "less than the minimum allowed range of 1");
            Row(Usage, "Days", "over a year", Usage + " -Days 366", Invalid, "greater than the maximum allowed range of 365");
            Row(Usage, "Days", "negative", Usage + " -Days -7", Invalid, "less than the minimum allowed range of 1");
            Row(Usage, "Days", "not a number", Usage + " -Days week", NotConvertible, "Cannot convert value \"week\" to type \"System.Int32\"");
            Row(Usage, "Days", "on a snapshot", Usage + " -Days 30", "UsageNeedsLiveConnection", "Usage needs a live connection");
            Row(Usage, "Context", "a string", Usage + " -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row(Usage, "Context", "null", Usage + " -Context $null", Invalid, Null);
            Row(Usage, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + Usage + " -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");

            // Get-GcOAuthClientHistory (the session holds a snapshot context, which has no audit trail)
            const string History = "Get-GcOAuthClientHistory";
            Row(History, "ClientId", "empty", History + " -ClientId ''", Invalid, Blank);
            Row(History, "ClientId", "white space", History + " -ClientId '   '", Invalid, Blank);
            Row(History, "ClientId", "huge", History + $" -ClientId {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 256");
            Row(History, "Days", "zero", History + " -Days 0", Invalid, "less than the minimum allowed range of 1");
            Row(History, "Days", "over a year", History + " -Days 366", Invalid, "greater than the maximum allowed range of 365");
            Row(History, "Days", "not a number", History + " -Days many", NotConvertible, "Int32");
            Row(History, "TimeoutSec", "zero", History + " -TimeoutSec 0", Invalid, "less than the minimum allowed range of 1");
            Row(History, "TimeoutSec", "over an hour", History + " -TimeoutSec 3601", Invalid, "greater than the maximum allowed range of 3600");
            Row(History, "Context", "a string", History + " -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row(History, "Context", "null", History + " -Context $null", Invalid, Null);
            Row(History, "Context", "a snapshot", History + " -Context (Get-GcContext)", "HistoryNeedsLiveConnection", "holds no change history");
            Row(History, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + History + " -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");

            // Get-GcOAuthScope, Get-GcAuthorizationRole, Get-GcAuthorizationDivision
            foreach (var (cmdlet, notFound, what) in new[] { ("Get-GcOAuthScope", "ScopeNotFound", "scope"), ("Get-GcAuthorizationRole", "RoleNotFound", "role"), ("Get-GcAuthorizationDivision", "DivisionNotFound", "division") })
            {
                Row(cmdlet, "Name", "empty", cmdlet + " -Name ''", Invalid, Blank);
                Row(cmdlet, "Name", "white space", cmdlet + " -Name '   '", Invalid, Blank);
                Row(cmdlet, "Name", "huge", cmdlet + $" -Name {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 1024");
                Row(cmdlet, "Name", "no such name", cmdlet + " -Name no-such-thing", notFound, $"has no {what} named 'no-such-thing'");
                Row(cmdlet, "Context", "a string", cmdlet + " -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
                Row(cmdlet, "Context", "null", cmdlet + " -Context $null", Invalid, Null);
            }

            // Get-GcOAuthBaseline
            const string GetBaseline = "Get-GcOAuthBaseline";
            Row(GetBaseline, "Path", "empty", GetBaseline + " -Path ''", Invalid, Blank);
            Row(GetBaseline, "Path", "white space", GetBaseline + " -Path '   '", Invalid, Blank);
            Row(GetBaseline, "Path", "huge", GetBaseline + $" -Path {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(GetBaseline, "Path", "not found", GetBaseline + " -Path $missing", "BaselineNotFound", "There is no baseline file");
            Row(GetBaseline, "Path", "a folder", GetBaseline + " -Path $samples", "BaselineNotFound", "is a folder");
            Row(GetBaseline, "Path", "a snapshot, not a baseline", GetBaseline + " -Path $demo", "BaselineInvalid", "demo-org.json");

            // Test-GcOAuthClientScope and Assert-GcOAuthClientScope
            foreach (var cmdlet in new[] { "Test-GcOAuthClientScope", "Assert-GcOAuthClientScope" })
            {
                var piped = "Get-GcOAuthClient | " + cmdlet;
                Row(cmdlet, "InputObject", "a string", cmdlet + " -InputObject 'Agent Softphone Embed'", NotConvertible, "OAuthClient");
                Row(cmdlet, "InputObject", "null", cmdlet + " -InputObject $null", Invalid, Null);
                Row(cmdlet, "InputObject", "empty array", cmdlet + " -InputObject @()", "ParameterArgumentValidationErrorEmptyArrayNotAllowed", "empty array");
                Row(cmdlet, "InputObject", "with -ClientId", cmdlet + " -InputObject (Get-GcOAuthClient) -ClientId 00000000-0000-0000-0000-000000000000", NoSet, "Parameter set cannot be resolved");
                Row(cmdlet, "ClientId", "empty", cmdlet + " -ClientId ''", Invalid, Blank);
                Row(cmdlet, "ClientId", "white space", cmdlet + " -ClientId '   '", Invalid, Blank);
                Row(cmdlet, "ClientId", "huge", cmdlet + $" -ClientId {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 256");
                Row(cmdlet, "ClientId", "no such client", cmdlet + " -ClientId 00000000-0000-0000-0000-000000000000", "ClientNotFound", "has no OAuth client with id '00000000-0000-0000-0000-000000000000'");
                Row(cmdlet, "Baseline", "empty", piped + " -Baseline ''", Invalid, Blank);
                Row(cmdlet, "Baseline", "white space", piped + " -Baseline '   '", Invalid, Blank);
                Row(cmdlet, "Baseline", "huge", piped + $" -Baseline {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
                Row(cmdlet, "Baseline", "not found", piped + " -Baseline $missing", "BaselineNotFound", "There is no baseline file");
                Row(cmdlet, "Baseline", "a folder", piped + " -Baseline $samples", "BaselineNotFound", "is a folder");
                Row(cmdlet, "Baseline", "a snapshot, not a baseline", piped + " -Baseline $demo", "BaselineInvalid", "demo-org.json");
                Row(cmdlet, "Baseline", "with -BaselineObject", piped + " -Baseline $baselineFile -BaselineObject (Get-GcOAuthBaseline)", "ConflictingBaselines", "give one of them");
                Row(cmdlet, "BaselineObject", "a string", piped + " -BaselineObject 'samples/baseline.yml'", NotConvertible, "Baseline");
                Row(cmdlet, "BaselineObject", "null", piped + " -BaselineObject $null", Invalid, Null);
                Row(cmdlet, "Context", "a string", cmdlet + " -ClientId 00000000-0000-0000-0000-000000000000 -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
                Row(cmdlet, "Context", "null", cmdlet + " -ClientId 00000000-0000-0000-0000-000000000000 -Context $null", Invalid, Null);
                Row(cmdlet, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + cmdlet + " -ClientId 00000000-0000-0000-0000-000000000000 -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");
                Row(cmdlet, "Context", "with -InputObject", cmdlet + " -InputObject (Get-GcOAuthClient) -Context (Get-GcContext)", NoSet, "Parameter set cannot be resolved");
            }

            // New-GcOAuthBaseline: nothing is written.
            const string NewBaseline = "New-GcOAuthBaseline";
            Row(NewBaseline, "Path", "empty", NewBaseline + " -Path ''", Invalid, Blank);
            Row(NewBaseline, "Path", "white space", NewBaseline + " -Path '   '", Invalid, Blank);
            Row(NewBaseline, "Path", "huge", NewBaseline + $" -Path {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(NewBaseline, "Path", "null", NewBaseline + " -Path $null", Invalid, Null);
            Row(NewBaseline, "Path", "a folder", NewBaseline + " -Path $samples", "BaselineNotWritten", "is a folder");
            Row(NewBaseline, "Path", "an existing file without -Force", NewBaseline + " -Path $baselineFile", "BaselineExists", "already exists");
            Row(NewBaseline, "Path", "another provider", NewBaseline + " -Path Env:/OAUTHAUDIT_BASELINE", "BaselineNotWritten", "Environment provider");
            Row(NewBaseline, "Context", "a string", NewBaseline + " -Path $missing -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row(NewBaseline, "Context", "null", NewBaseline + " -Path $missing -Context $null", Invalid, Null);
            Row(NewBaseline, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + NewBaseline + " -Path $missing -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");
            Row(NewBaseline, "GroupBy", "not a grouping", NewBaseline + " -Path $missing -GroupBy Folder", NotConvertible, "Name, GrantType, Client");
            Row(NewBaseline, "GroupBy", "empty", NewBaseline + " -Path $missing -GroupBy ''", NotConvertible, "Name, GrantType, Client");

            const string AssertScope = "Assert-GcOAuthClientScope";
            Row(AssertScope, "FailOn", "not a severity", "Get-GcOAuthClient | " + AssertScope + " -FailOn Severe", NotConvertible, "Info, Low, Medium, High, Critical");
            Row(AssertScope, "FailOn", "empty", "Get-GcOAuthClient | " + AssertScope + " -FailOn ''", NotConvertible, "Info, Low, Medium, High, Critical");
            Row(AssertScope, "FailOn", "out of range", "Get-GcOAuthClient | " + AssertScope + " -FailOn 99", NotConvertible, "Info,Low,Medium,High,Critical");

            // Compare-GcOAuthSnapshot: each side is a snapshot path or a context.
            const string Compare = "Compare-GcOAuthSnapshot";
            foreach (var (side, other) in new[] { ("Reference", "Difference"), ("Difference", "Reference") })
            {
                string With(string value) => $"{Compare} -{side} {value} -{other} $demo";
                Row(Compare, side, "empty", With("''"), Invalid, Blank);
                Row(Compare, side, "white space", With("'   '"), Invalid, Blank);
                Row(Compare, side, "huge", With(Huge), Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
                Row(Compare, side, "null", With("$null"), Invalid, Null);
                Row(Compare, side, "not found", With("$missing"), "SnapshotNotFound", "There is no snapshot file");
                Row(Compare, side, "a folder", With("$samples"), "SnapshotNotFound", "is a folder; -Reference and -Difference take a snapshot file");
                Row(Compare, side, "another provider", With("Env:PATH"), "SnapshotInvalid", "provider, not a file");
                Row(Compare, side, "a baseline, not a snapshot", With("$baselineFile"), "SnapshotInvalid", "baseline.yml");
                Row(Compare, side, "a hashtable", With("@{ Path = 'samples/demo-org.json' }"), NotConvertible, "SnapshotOrContext");
                Row(Compare, side, "disconnected", $"$closed = Get-GcContext; Disconnect-GcOrganization; {Compare} -{side} $closed -{other} $demo", "NotConnected", "which Disconnect-GcOrganization has closed");
                Row(Compare, side, "another organization", With("$otherOrg"), "OrganizationMismatch", "both sides must be readings of the same organization");
            }

            const string Compared = Compare + " -Reference $demo -Difference $demo";
            Row(Compare, "Baseline", "empty", Compared + " -Baseline ''", Invalid, Blank);
            Row(Compare, "Baseline", "huge", Compared + $" -Baseline {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(Compare, "Baseline", "not found", Compared + " -Baseline $missing", "BaselineNotFound", "There is no baseline file");
            Row(Compare, "Baseline", "a snapshot, not a baseline", Compared + " -Baseline $demo", "BaselineInvalid", "demo-org.json");
            Row(Compare, "Baseline", "with -BaselineObject", Compared + " -Baseline $baselineFile -BaselineObject (Get-GcOAuthBaseline)", "ConflictingBaselines", "give one of them");
            Row(Compare, "BaselineObject", "a string", Compared + " -BaselineObject 'samples/baseline.yml'", NotConvertible, "Baseline");
            Row(Compare, "BaselineObject", "null", Compared + " -BaselineObject $null", Invalid, Null);
            // Export-GcOAuthAuditReport: nothing is written ($missing is in a folder that does not exist).
            const string Export = "Export-GcOAuthAuditReport";
            const string Results = "Get-GcOAuthClient | Test-GcOAuthClientScope | ";
            Row(Export, "InputObject", "a string", Export + " -InputObject 'Agent Softphone Embed' -Path $missing", "ReportInputUnsupported", "System.String is neither a ClientAuditResult nor an AuditRun");
            Row(Export, "InputObject", "a finding", Export + " -InputObject (Get-GcOAuthClient | Test-GcOAuthClientScope -Expand) -Path $missing", "ReportInputUnsupported", "a Finding (Test-GcOAuthClientScope -Expand) is one row of a result");
            Row(Export, "InputObject", "a deserialized result", Export + " -InputObject ([System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-GcOAuthClient | Test-GcOAuthClientScope)[0]))) -Path $missing", "ReportInputUnsupported", "deserialized");
            Row(Export, "InputObject", "null", Export + " -InputObject $null -Path $missing", Invalid, Null);
            Row(Export, "Path", "empty", Results + Export + " -Path ''", Invalid, Blank);
            Row(Export, "Path", "white space", Results + Export + " -Path '   '", Invalid, Blank);
            Row(Export, "Path", "huge", Results + Export + $" -Path {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(Export, "Path", "an unknown extension", Results + Export + " -Path ($missing + '.txt')", "ReportFormatUnknown", "'.txt' is not a report extension");
            Row(Export, "Path", "no extension", Results + Export + " -Path ($missing -replace '\\.json$', '')", "ReportFormatUnknown", "it has no extension");
            Row(Export, "Path", "another provider", Results + Export + " -Path env:oauthaudit.json", "ReportPathInvalid", "is an item of the PowerShell Environment provider");
            Row(Export, "Path", "an existing file", Results + Export + " -Path $demo", "ReportExists", "exists already; it is not overwritten without -Force");
            Row(Export, "Path", "a folder", Results + Export + " -Path $samples -Format Json", "ReportPathInvalid", "is a folder");
            Row(Export, "Format", "not a format", Results + Export + " -Path $missing -Format Pdf", NotConvertible, "Html");
            Row(Export, "Format", "empty", Results + Export + " -Path $missing -Format @()", Invalid, "empty");

            // Merge-GcOAuthAuditRun: nothing is merged or returned.
            const string Merge = "Merge-GcOAuthAuditRun";
            Row(Merge, "Path", "empty", Merge + " -Path ''", Invalid, Blank);
            Row(Merge, "Path", "huge", Merge + $" -Path {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(Merge, "Path", "not found", Merge + " -Path $missing", "AuditRunNotFound", "There is no run document");
            Row(Merge, "Path", "a pattern matching nothing", Merge + " -Path \"$samples/no-such-*.json\"", "AuditRunNotFound", "No run document matches");
            Row(Merge, "Path", "a folder", Merge + " -Path $samples", "AuditRunNotFound", "is a folder; -Path takes audit-run JSON files");
            Row(Merge, "Path", "a snapshot", Merge + " -Path $demo", "AuditRunInvalid", "this is a snapshot");
            Row(Merge, "Path", "a baseline", Merge + " -Path $baselineFile", "AuditRunInvalid", "this is a baseline");
            Row(Merge, "Path", "another provider", Merge + " -Path env:PATH", "AuditRunInvalid", "is an item of the PowerShell Environment provider");
            Row(Merge, "LiteralPath", "empty", Merge + " -LiteralPath ''", Invalid, Blank);
            Row(Merge, "LiteralPath", "not found", Merge + " -LiteralPath $missing", "AuditRunNotFound", "There is no run document");
            Row(Merge, "LiteralPath", "a snapshot", Merge + " -LiteralPath $demo", "AuditRunInvalid", "this is a snapshot");
            Row(Merge, "InputObject", "a string", Merge + " -InputObject 'run.json'", "MergeInputUnsupported", "a path given as -InputObject is only text");
            Row(Merge, "InputObject", "a result", Merge + " -InputObject (Get-GcOAuthClient | Test-GcOAuthClientScope)[0]", "MergeInputUnsupported", "is neither an AuditRun, an AuditRunSet nor a file");
            Row(Merge, "InputObject", "a deserialized run", Merge + " -InputObject ([System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Invoke-GcOAuthAudit))))", "MergeInputUnsupported", "deserialized");
            Row(Merge, "InputObject", "one organization twice", "$run = Invoke-GcOAuthAudit; $other = Invoke-GcOAuthAudit -Baseline $baselineFile -WarningAction SilentlyContinue; " + Merge + " -InputObject $run, $other", "AuditRunDuplicate", "would count it twice");
            Row(Merge, "InputObject", "null", Merge + " -InputObject $null", Invalid, Null);

            // Invoke-GcOAuthAudit: no run is returned and nothing is written.
            const string Invoke = "Invoke-GcOAuthAudit";
            Row(Invoke, "Context", "a string", Invoke + " -Context 'Northwind Contact Center'", NotConvertible, "GcContext");
            Row(Invoke, "Context", "null", Invoke + " -Context $null", Invalid, Null);
            Row(Invoke, "Context", "a null among contexts", Invoke + " -Context (Get-GcContext), $null", Invalid, Null);
            Row(Invoke, "Context", "disconnected", "$closed = Get-GcContext; Disconnect-GcOrganization; " + Invoke + " -Context $closed", "NotConnected", "which Disconnect-GcOrganization has closed");
            Row(Invoke, "Baseline", "empty", Invoke + " -Baseline ''", Invalid, Blank);
            Row(Invoke, "Baseline", "huge", Invoke + $" -Baseline {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(Invoke, "Baseline", "not found", Invoke + " -Baseline $missing", "BaselineNotFound", "There is no baseline file");
            Row(Invoke, "Baseline", "a snapshot, not a baseline", Invoke + " -Baseline $demo", "BaselineInvalid", "demo-org.json");
            Row(Invoke, "Baseline", "with -BaselineObject", Invoke + " -Baseline $baselineFile -BaselineObject (Get-GcOAuthBaseline)", "ConflictingBaselines", "give one of them");
            Row(Invoke, "BaselineObject", "a string", Invoke + " -BaselineObject 'samples/baseline.yml'", NotConvertible, "Baseline");
            Row(Invoke, "BaselineObject", "null", Invoke + " -BaselineObject $null", Invalid, Null);
            Row(Invoke, "OutputPath", "empty", Invoke + " -OutputPath ''", Invalid, Blank);
            Row(Invoke, "OutputPath", "white space", Invoke + " -OutputPath '   '", Invalid, Blank);
            Row(Invoke, "OutputPath", "huge", Invoke + $" -OutputPath {Huge}", Invalid, "The value is 100000 characters long; the most this parameter takes is 4096");
            Row(Invoke, "OutputPath", "another provider", Invoke + " -OutputPath env:", "ReportPathInvalid", "is an item of the PowerShell Environment provider");
            Row(Invoke, "OutputPath", "an existing file", Invoke + " -OutputPath $demo", "ReportPathInvalid", "names a file; it is the folder the reports go to");
            Row(Invoke, "OutputPath", "a report file name", Invoke + " -OutputPath $missing", "ReportPathInvalid", "names a file; it is the folder the reports go to");
            Row(Invoke, "Format", "not a format", Invoke + " -OutputPath $missing -Format Pdf", NotConvertible, "Html");
            Row(Invoke, "Format", "empty", Invoke + " -Format @()", Invalid, "empty");
            Row(Invoke, "Format", "without -OutputPath", Invoke + " -Format Json", "ReportPathInvalid", "there is no -OutputPath to write them to");
            Row(Invoke, "FailOn", "not a severity", Invoke + " -FailOn Severe", NotConvertible, "Info, Low, Medium, High, Critical");
            Row(Invoke, "FailOn", "out of range", Invoke + " -FailOn 99", NotConvertible, "Info,Low,Medium,High,Critical");
            return rows;
        }

        private sealed class BadInput
        {
            public BadInput(string cmdlet, string? parameter, string @case, string script, string errorId, string fragment)
            {
                Cmdlet = cmdlet;
                Parameter = parameter;
                Case = @case;
                Script = script;
                ErrorId = errorId;
                Fragment = fragment;
            }

            public string Cmdlet { get; }

            /// <summary>The parameter given a bad value; null for a parameter the cmdlet does not have.</summary>
            public string? Parameter { get; }

            public string Case { get; }

            public string Script { get; }

            public string ErrorId { get; }

            public string Fragment { get; }

            public string Label => Parameter == null ? $"{Cmdlet}: {Case}" : $"{Cmdlet} -{Parameter}: {Case}";
        }
    }
}
