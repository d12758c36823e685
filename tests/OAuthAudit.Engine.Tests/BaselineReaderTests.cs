using System;
using System.IO;
using System.Linq;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class BaselineReaderTests
    {
        private const string FullBaseline = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata:
              name: northwind-policy
              description: Northwind's OAuth policy
            spec:
              reportUnmatchedClients: true
              rules:
                - id: NW-001
                  description: Web chat widgets hold only what chat needs
                  severity: high
                  remediation: |
                    Remove the extra scopes.
                    Then save.
                  match:
                    names: '*webchat*'
                    namePatterns: ['^Legacy ', 'Chat$']
                    clientIds: [c-1, c-2]
                    grantTypes: [code, Token]
                    states: Active
                  exemptions:
                    names: ['*sandbox*']
                  requiredScopes: [web-chat]
                  allowedScopes: [web-chat, 'conversations*']
                  forbiddenScopes: [oauth]
                  forbidUnknownScopes: true
                  maxAccessTokenValiditySeconds: 86400
                  redirectUris: { requireHttps: true, forbidWildcardHosts: false, forbidLocalhost: true }
                  allowedStates: [active, DISABLED]
                - id: NW-002
                  description: Integrations hold no scope at all
                  severity: !!str Info
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  allowedScopes: []
                  maxAccessTokenValiditySeconds: "3600"
                  remediation: ~
              waivers:
                - client: Legacy IVR Middleware
                  ruleId: nw-001
                  subject: oauth
                  rationale: Replaced in Q1
                  expiresOn: 2027-03-31
                - client: 5b8e1f3c-0000-4000-8000-000000000001
                  ruleId: NW-002
                  rationale: "Vendor fix pending"
                  expiresOn: '2026-12-31'
            """;

        /// <summary>Lines 1-6; a rule starts on line 7 (id, column 7), description 8, severity 9, and Rule(...) lines from 10 at column 7.</summary>
        private const string Head = "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: t\nspec:\n  rules:\n";

        private const string Waivable = "    - id: R-1\n      description: d\n      severity: High\n      forbidUnknownScopes: true\n  waivers:\n";

        public static TheoryData<string, string, int, int, string> BadBaselines => new TheoryData<string, string, int, int, string>
        {
            // YAML itself
            { "unclosed bracket", Rule("forbiddenScopes: [oauth", "forbidUnknownScopes: true"), 11, 7, "not valid YAML: the parser could not go on from here; the '[' at line 10, column 24 is not closed before this point." },
            { "unclosed bracket at the end", Rule("forbidUnknownScopes: true", "forbiddenScopes: [oauth"), 12, 1, "not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'" },
            { "mapping in a plain scalar", Rule("remediation: a: b", "forbidUnknownScopes: true"), 10, 21, "not valid YAML: While scanning a plain scalar value, found invalid mapping." },
            { "tab indentation", Head + "    - id: R-1\n\tdescription: d\n", 7, 11, "not valid YAML: While scanning a plain scalar, found a tab character that violate indentation." },
            { "unterminated quote", Rule("remediation: 'never closed"), 10, 20, "not valid YAML: While scanning a quoted scalar, found unexpected end of stream" },
            { "empty file", string.Empty, 1, 1, "the file holds no YAML document. A baseline starts with 'apiVersion: oauthaudit/v1' and 'kind: Baseline'" },
            { "comments only", "# nothing here\n\n", 1, 1, "the file holds no YAML document" },
            { "two documents", Rule("forbidUnknownScopes: true") + "---\n" + Rule("forbidUnknownScopes: true"), 11, 1, "a second YAML document starts here; a baseline file holds exactly one" },
            { "duplicate key", Rule("forbidUnknownScopes: true", "forbidUnknownScopes: false"), 11, 7, "duplicate key 'forbidUnknownScopes': it is already given at line 10, column 7 of this mapping" },
            { "duplicate key quoted", Head + "    - id: R-1\n      'id': R-2\n", 8, 7, "duplicate key 'id': it is already given at line 7, column 7" },
            { "alias of unknown anchor", Rule("forbiddenScopes: *scopes"), 10, 24, "the alias '*scopes' refers to no anchor '&scopes' given before it" },
            { "self-referencing alias", Rule("forbiddenScopes: &loop [*loop]"), 10, 24, "'spec.rules[0].forbiddenScopes[0]' is a list; a scope name or pattern expected" },
            { "merge key", Rule("<<: { forbidUnknownScopes: true }"), 10, 7, "unknown key '<<' in 'spec.rules[0]'. YAML merge keys are not supported" },
            { "a list as a key", Rule("match:", "  ? [names]", "  : ['*']"), 11, 11, "a mapping key here is a list; keys in a baseline are plain names" },
            { "an alias as a key", Rule("remediation: &n names", "match: { *n : ['*'] }"), 11, 16, "a mapping key here is the alias '*n'" },
            { "a mapping as a key", Rule("match: { {names: x}: y }"), 10, 16, "a mapping key here is a mapping" },
            { "an alias bomb", Rule("remediation: &a [x, x, x, x, x, x, x, x, x, x]", "match: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "exemptions: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "x4: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]"), 13, 40, "the YAML holds more than 10000 nodes by this point" },
            { "nesting too deep", Rule("match: { names: " + new string('[', 40) + new string(']', 40) + " }"), 10, 50, "nested more than 32 levels deep" },

            // document shape
            { "root is a list", "- apiVersion: oauthaudit/v1\n", 1, 1, "'(document)' is a list; a mapping with apiVersion, kind, metadata and spec expected" },
            { "root is a string", "hello\n", 1, 1, "'(document)' is 'hello'; a mapping with apiVersion, kind, metadata and spec expected" },
            { "wrong apiVersion", Rule("forbidUnknownScopes: true").Replace("oauthaudit/v1", "oauthaudit/v2"), 1, 13, "'apiVersion' is 'oauthaudit/v2'; a baseline has exactly 'apiVersion: oauthaudit/v1'" },
            { "missing apiVersion", "kind: Baseline\nmetadata:\n  name: t\n", 1, 1, "'(document)' has no 'apiVersion' ('oauthaudit/v1' expected)" },
            { "wrong kind", "apiVersion: oauthaudit/v1\nkind: Policy\n", 2, 7, "'kind' is 'Policy'; a baseline has exactly 'kind: Baseline'" },
            { "kind is a list", "apiVersion: oauthaudit/v1\nkind: [Baseline]\n", 2, 7, "'kind' is a list; 'Baseline' expected" },
            { "unknown top-level key", "apiVersion: oauthaudit/v1\nkind: Baseline\nlabels: {}\n", 3, 1, "unknown key 'labels' at the top level. Valid keys there: apiVersion, kind, metadata, spec." },
            { "missing metadata", "apiVersion: oauthaudit/v1\nkind: Baseline\nspec: {}\n", 1, 1, "'(document)' has no 'metadata' (a mapping with name and an optional description expected)" },
            { "unknown metadata key", "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: t\n  owner: me\n", 5, 3, "unknown key 'owner' in 'metadata'. Valid keys there: name, description." },
            { "null metadata name", "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: ~\n", 4, 9, "'metadata.name' has no value; the baseline's name expected" },
            { "metadata name is a list", "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: [a, b]\n", 4, 9, "'metadata.name' is a list; the baseline's name expected" },
            { "missing rules", "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: t\nspec:\n  reportUnmatchedClients: true\n", 6, 3, "'spec' has no 'rules' (a list of rules expected)" },
            { "empty rules", "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: t\nspec:\n  rules: []\n", 6, 10, "'spec.rules' is an empty list; a baseline needs at least one rule" },
            { "rules is a mapping", "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: t\nspec:\n  rules:\n    id: R-1\n", 7, 5, "'spec.rules' is a mapping; a list of rules expected" },
            { "rule is a string", Head + "    - R-1\n", 7, 7, "'spec.rules[0]' is 'R-1'; a rule (a mapping with id, description, severity and what it checks) expected" },
            { "unknown spec key", Head.Replace("  rules:\n", "  rule:\n"), 6, 3, "unknown key 'rule' in 'spec'. Valid keys there: reportUnmatchedClients, rules, waivers." },
            { "non-bool reportUnmatchedClients", Head.Replace("spec:\n", "spec:\n  reportUnmatchedClients: yes\n") + "    - id: R-1\n", 6, 27, "'spec.reportUnmatchedClients' is 'yes'; true or false expected" },

            // rules
            { "unknown rule key", Rule("scopes: [users]"), 10, 7, "unknown key 'scopes' in 'spec.rules[0]'. Valid keys there: id, description, severity, remediation, match, exemptions, onlyWhenLoaded, requiredScopes, allowedScopes, forbiddenScopes, forbidUnknownScopes, maxAccessTokenValiditySeconds, redirectUris, allowedStates, requiredRoles, forbiddenRoles, forbiddenPermissions, allowedDivisions, forbidAllDivisions, forbidPrivilegeEscalation, forbidUnknownRoles, forbidWildcardPermissions, deprecatedGrantTypes, forbidSuspiciousText, maxIdleDays, flagNeverUsed, maxThrottledShare, maxDaysSinceSecretRotation, recentChangeDays." },
            { "rule key in wrong case", Rule("RequiredScopes: [users]"), 10, 7, "Keys are case-sensitive: did you mean 'requiredScopes'?" },
            { "missing rule id", Head + "    - description: d\n      severity: High\n      forbidUnknownScopes: true\n", 7, 7, "'spec.rules[0]' has no 'id' (a rule id such as NW-001 expected)" },
            { "invalid rule id", Head + "    - id: 'R 1'\n      description: d\n", 7, 11, "'spec.rules[0].id' is 'R 1', which is not a rule id: an id starts with a letter or digit" },
            { "missing description", Head + "    - id: R-1\n      severity: High\n", 7, 7, "'spec.rules[0]' has no 'description'" },
            { "empty description", Head + "    - id: R-1\n      description: ''\n", 8, 20, "'spec.rules[0].description' is empty; a description of what the rule demands expected" },
            { "description is a mapping", Head + "    - id: R-1\n      description: { text: d }\n", 8, 20, "'spec.rules[0].description' is a mapping; a description of what the rule demands expected" },
            { "remediation is a list", Rule("remediation: [a, b]", "forbidUnknownScopes: true"), 10, 20, "'spec.rules[0].remediation' is a list; a remediation text expected" },
            { "missing severity", Head + "    - id: R-1\n      description: d\n      forbidUnknownScopes: true\n", 7, 7, "'spec.rules[0]' has no 'severity' (a severity (Critical, High, Medium, Low, Info) expected)" },
            { "unknown severity", Head + "    - id: R-1\n      description: d\n      severity: Severe\n      forbidUnknownScopes: true\n", 9, 17, "'spec.rules[0].severity' is 'Severe', which is not a severity; expected one of Critical, High, Medium, Low, Info." },
            { "numeric severity", Head + "    - id: R-1\n      description: d\n      severity: 3\n      forbidUnknownScopes: true\n", 9, 17, "is '3', which is not a severity" },
            { "rule checks nothing", Rule(), 7, 7, "rule 'R-1' ('spec.rules[0]') checks nothing: give it at least one of requiredScopes, allowedScopes, forbiddenScopes, forbidUnknownScopes: true, maxAccessTokenValiditySeconds, redirectUris, allowedStates, requiredRoles, forbiddenRoles, forbiddenPermissions, allowedDivisions, forbidAllDivisions: true, forbidPrivilegeEscalation: true, forbidUnknownRoles: true, forbidWildcardPermissions: true, deprecatedGrantTypes, forbidSuspiciousText: true, maxIdleDays, flagNeverUsed: true, maxThrottledShare, maxDaysSinceSecretRotation or recentChangeDays." },
            { "rule checks nothing but a false flag", Rule("forbidUnknownScopes: false", "match: { states: active }"), 7, 7, "checks nothing" },
            { "duplicate rule id", Rule("forbidUnknownScopes: true") + "    - id: r-1\n      description: d\n      severity: Low\n      forbidUnknownScopes: true\n", 11, 11, "rule id 'r-1' is already the id of 'spec.rules[0]' (line 7); rule ids must be unique, ignoring case." },
            { "non-bool forbidUnknownScopes", Rule("forbidUnknownScopes: yes"), 10, 28, "'spec.rules[0].forbidUnknownScopes' is 'yes'; true or false expected." },
            { "list for a bool", Rule("forbidUnknownScopes: [true]"), 10, 28, "'spec.rules[0].forbidUnknownScopes' is a list; true or false expected." },
            { "decimal lifetime", Rule("maxAccessTokenValiditySeconds: 1.5"), 10, 38, "'spec.rules[0].maxAccessTokenValiditySeconds' is '1.5'; a whole number of seconds (86400 is 24 hours), 1 or more, expected." },
            { "negative lifetime", Rule("maxAccessTokenValiditySeconds: -5"), 10, 38, "is '-5'; a whole number of seconds" },
            { "zero lifetime", Rule("maxAccessTokenValiditySeconds: 0"), 10, 38, "is '0'; a whole number of seconds" },
            { "text lifetime", Rule("maxAccessTokenValiditySeconds: a day"), 10, 38, "is 'a day'; a whole number of seconds" },
            { "lifetime too large for a number", Rule("maxAccessTokenValiditySeconds: 99999999999"), 10, 38, "is '99999999999'; a whole number of seconds" },
            { "invalid scope pattern", Rule("requiredScopes: [users, 'users read']"), 10, 31, "'spec.rules[0].requiredScopes[1]' is 'users read', which is not a scope name or pattern: scope names use letters, digits" },
            { "invalid forbidden scope", Rule("forbiddenScopes: oauth/admin"), 10, 24, "'spec.rules[0].forbiddenScopes' is 'oauth/admin', which is not a scope name or pattern" },
            { "empty requiredScopes", Rule("requiredScopes: []"), 10, 23, "'spec.rules[0].requiredScopes' is an empty list; list at least one scope name or pattern, or remove the key." },
            { "empty forbiddenScopes", Rule("forbiddenScopes: []"), 10, 24, "'spec.rules[0].forbiddenScopes' is an empty list" },
            { "empty scope entry", Rule("requiredScopes: [users, '']"), 10, 31, "'spec.rules[0].requiredScopes[1]' is empty; a scope name or pattern expected" },
            { "scopes as a mapping", Rule("allowedScopes: { users: true }"), 10, 22, "'spec.rules[0].allowedScopes' is a mapping; a scope name or pattern or a list of them expected" },
            { "redirectUris checks nothing", Rule("redirectUris: { requireHttps: false }"), 10, 21, "'spec.rules[0].redirectUris' checks nothing; set at least one of requireHttps, forbidWildcardHosts, forbidLocalhost to true" },
            { "redirectUris unknown key", Rule("redirectUris: { https: true }"), 10, 23, "unknown key 'https' in 'spec.rules[0].redirectUris'. Valid keys there: requireHttps, forbidWildcardHosts, forbidLocalhost." },
            { "redirectUris non-bool", Rule("redirectUris: { requireHttps: maybe }"), 10, 37, "'spec.rules[0].redirectUris.requireHttps' is 'maybe'; true or false expected" },
            { "redirectUris as a list", Rule("redirectUris: [https]"), 10, 21, "'spec.rules[0].redirectUris' is a list; a mapping with any of requireHttps, forbidWildcardHosts, forbidLocalhost expected" },
            { "unknown allowed state", Rule("allowedStates: [active, deleted]"), 10, 31, "'spec.rules[0].allowedStates[1]' is 'deleted', which is not a client state; expected one of active, disabled, inactive." },
            { "empty allowedStates", Rule("allowedStates: []"), 10, 22, "'spec.rules[0].allowedStates' is an empty list" },

            // match and exemptions
            { "unknown match key", Rule("match: { name: x }", "forbidUnknownScopes: true"), 10, 16, "unknown key 'name' in 'spec.rules[0].match'. Valid keys there: names, namePatterns, clientIds, grantTypes, states." },
            { "match is a string", Rule("match: everything", "forbidUnknownScopes: true"), 10, 14, "'spec.rules[0].match' is 'everything'; a mapping with any of names, namePatterns, clientIds, grantTypes, states expected" },
            { "invalid regex", Rule("match: { namePatterns: ['^Legacy (' ] }", "forbidUnknownScopes: true"), 10, 31, "'spec.rules[0].match.namePatterns[0]' is not a valid .NET regular expression: Invalid pattern '^Legacy (' at offset 9. Not enough )'s." },
            { "unknown grant type", Rule("match:", "  grantTypes: [CODE, IMPLICIT]", "forbidUnknownScopes: true"), 11, 28, "'spec.rules[0].match.grantTypes[1]' is 'IMPLICIT', which is not a grant type; expected one of CODE, TOKEN, SAML2-BEARER, PASSWORD, CLIENT-CREDENTIALS." },
            { "unknown match state", Rule("match: { states: retired }", "forbidUnknownScopes: true"), 10, 24, "'spec.rules[0].match.states' is 'retired', which is not a client state; expected one of active, disabled, inactive." },
            { "empty names", Rule("match: { names: [] }", "forbidUnknownScopes: true"), 10, 23, "'spec.rules[0].match.names' is an empty list" },
            { "names holds a mapping", Rule("match: { names: [{ a: b }] }", "forbidUnknownScopes: true"), 10, 24, "'spec.rules[0].match.names[0]' is a mapping; a client name or wildcard pattern (* and ?) expected" },
            { "empty exemptions", Rule("exemptions: {}", "forbidUnknownScopes: true"), 10, 19, "'spec.rules[0].exemptions' is empty, which would select every client" },
            { "unknown exemption grant type", Rule("exemptions: { grantTypes: implicit }", "forbidUnknownScopes: true"), 10, 33, "'spec.rules[0].exemptions.grantTypes' is 'implicit', which is not a grant type" },

            // waivers
            { "waiver missing rationale", Head + Waivable + "    - client: c\n      ruleId: R-1\n      expiresOn: 2027-03-31\n", 12, 7, "'spec.waivers[0]' has no 'rationale' (a rationale saying why the exception is accepted expected)" },
            { "waiver blank rationale", Head + Waivable + "    - client: c\n      ruleId: R-1\n      rationale: '  '\n      expiresOn: 2027-03-31\n", 14, 18, "'spec.waivers[0].rationale' is empty; a rationale saying why the exception is accepted expected" },
            { "waiver missing expiresOn", Head + Waivable + "    - client: c\n      ruleId: R-1\n      rationale: r\n", 12, 7, "'spec.waivers[0]' has no 'expiresOn' (the last day the waiver applies, as YYYY-MM-DD expected)" },
            { "waiver unparsable date", Head + Waivable + "    - client: c\n      ruleId: R-1\n      rationale: r\n      expiresOn: 31/03/2027\n", 15, 18, "'spec.waivers[0].expiresOn' is '31/03/2027', which is not a date; expected YYYY-MM-DD, such as 2027-03-31." },
            { "waiver impossible date", Head + Waivable + "    - client: c\n      ruleId: R-1\n      rationale: r\n      expiresOn: 2027-02-30\n", 15, 18, "is '2027-02-30', which is not a date" },
            { "waiver date with time", Head + Waivable + "    - client: c\n      ruleId: R-1\n      rationale: r\n      expiresOn: 2027-03-31T00:00:00Z\n", 15, 18, "is '2027-03-31T00:00:00Z', which is not a date" },
            { "waiver unknown rule", Head + Waivable + "    - client: c\n      ruleId: R-9\n      rationale: r\n      expiresOn: 2027-03-31\n", 13, 15, "'spec.waivers[0].ruleId' is 'R-9', which is not a rule of this baseline; its rules are R-1." },
            { "waiver missing client", Head + Waivable + "    - ruleId: R-1\n      rationale: r\n      expiresOn: 2027-03-31\n", 12, 7, "'spec.waivers[0]' has no 'client' (the client's name or id expected)" },
            { "waiver unknown key", Head + Waivable + "    - client: c\n      rule: R-1\n", 13, 7, "unknown key 'rule' in 'spec.waivers[0]'. Valid keys there: client, ruleId, subject, rationale, expiresOn." },
            { "waivers is a mapping", Head + Waivable.Replace("  waivers:\n", "  waivers: { client: c }\n"), 11, 12, "'spec.waivers' is a mapping; a list of waivers expected" },
            { "waiver is a string", Head + Waivable + "    - c\n", 12, 7, "'spec.waivers[0]' is 'c'; a waiver (a mapping with client, ruleId, rationale and expiresOn) expected" },
        };

        [Fact]
        public void Reads_every_field_of_a_full_baseline()
        {
            using var files = new TempFiles();
            var path = files.Write("northwind.yml", FullBaseline);

            var baseline = Baselines.Loader.ReadFile(path);

            Assert.Equal("northwind-policy", baseline.Name);
            Assert.Equal("Northwind's OAuth policy", baseline.Description);
            Assert.Equal(path, baseline.Source);
            Assert.True(baseline.ReportUnmatchedClients);
            Assert.Equal(new[] { "NW-001", "NW-002" }, baseline.Rules.Select(rule => rule.Id));

            var first = baseline.Rules[0];
            Assert.Equal("Web chat widgets hold only what chat needs", first.Description);
            Assert.Equal(Severity.High, first.Severity);
            Assert.Equal("Remove the extra scopes.\nThen save.\n", first.Remediation);
            Assert.Equal(new[] { "*webchat*" }, first.Match.Names);
            Assert.Equal(new[] { "^Legacy ", "Chat$" }, first.Match.NamePatterns);
            Assert.Equal(new[] { "c-1", "c-2" }, first.Match.ClientIds);
            Assert.Equal(new[] { "CODE", "TOKEN" }, first.Match.GrantTypes);
            Assert.Equal(new[] { "active" }, first.Match.States);
            Assert.NotNull(first.Exemptions);
            Assert.Equal(new[] { "*sandbox*" }, first.Exemptions!.Names);
            Assert.True(first.Exemptions.ClientIds.Count + first.Exemptions.GrantTypes.Count + first.Exemptions.States.Count + first.Exemptions.NamePatterns.Count == 0);
            Assert.Equal(new[] { "web-chat" }, first.RequiredScopes.Select(scope => scope.Text));
            Assert.Equal(new[] { "web-chat", "conversations*" }, first.AllowedScopes!.Select(scope => scope.Text));
            Assert.True(first.AllowedScopes![1].Matches("conversations:readonly"));
            Assert.Equal(new[] { "oauth" }, first.ForbiddenScopes.Select(scope => scope.Text));
            Assert.True(first.ForbidUnknownScopes);
            Assert.Equal(86400, first.MaxAccessTokenValiditySeconds);
            Assert.NotNull(first.RedirectUris);
            Assert.True(first.RedirectUris!.RequireHttps);
            Assert.False(first.RedirectUris.ForbidWildcardHosts);
            Assert.True(first.RedirectUris.ForbidLocalhost);
            Assert.Equal(new[] { "active", "disabled" }, first.AllowedStates!);

            var second = baseline.Rules[1];
            Assert.Equal(Severity.Info, second.Severity);
            Assert.Null(second.Remediation);
            Assert.Equal(new[] { "CLIENT-CREDENTIALS" }, second.Match.GrantTypes);
            Assert.Null(second.Exemptions);
            Assert.Empty(second.RequiredScopes);
            Assert.NotNull(second.AllowedScopes);
            Assert.Empty(second.AllowedScopes!);
            Assert.Empty(second.ForbiddenScopes);
            Assert.False(second.ForbidUnknownScopes);
            Assert.Equal(3600, second.MaxAccessTokenValiditySeconds);
            Assert.Null(second.RedirectUris);
            Assert.Null(second.AllowedStates);

            Assert.Equal(2, baseline.Waivers.Count);
            var waiver = baseline.Waivers[0];
            Assert.Equal("Legacy IVR Middleware", waiver.Client);
            Assert.Equal("NW-001", waiver.RuleId);
            Assert.Equal("oauth", waiver.Subject);
            Assert.Equal("Replaced in Q1", waiver.Rationale);
            Assert.Equal(new DateTime(2027, 3, 31, 0, 0, 0, DateTimeKind.Utc), waiver.ExpiresOn);
            Assert.Equal(DateTimeKind.Utc, waiver.ExpiresOn.UtcDateTime.Kind);
            Assert.Equal("5b8e1f3c-0000-4000-8000-000000000001", baseline.Waivers[1].Client);
            Assert.Null(baseline.Waivers[1].Subject);
            Assert.Equal("Vendor fix pending", baseline.Waivers[1].Rationale);
            Assert.Equal(new DateTime(2026, 12, 31), baseline.Waivers[1].ExpiresOn.UtcDateTime.Date);
        }

        [Fact]
        public void Optional_keys_default_when_absent_or_null()
        {
            var baseline = Read(Head.Replace("spec:\n", "spec:\n  reportUnmatchedClients: ~\n") + "    - id: R-1\n      description: d\n      severity: LOW\n      match:\n      exemptions: null\n      requiredScopes: users\n  waivers:\n");

            Assert.False(baseline.ReportUnmatchedClients);
            Assert.Null(baseline.Description);
            Assert.Empty(baseline.Waivers);
            var rule = Assert.Single(baseline.Rules);
            Assert.Equal(Severity.Low, rule.Severity);
            Assert.True(rule.Match.IsEmpty);
            Assert.Null(rule.Exemptions);
            Assert.Equal("users", Assert.Single(rule.RequiredScopes).Text);
            Assert.Null(rule.AllowedScopes);
        }

        [Fact]
        public void Anchors_and_aliases_share_values()
        {
            var baseline = Read(Head
                + "    - id: R-1\n      description: d\n      severity: High\n      forbiddenScopes: &admin [oauth, authorization]\n"
                + "    - id: R-2\n      description: d\n      severity: Low\n      requiredScopes: *admin\n");

            Assert.Equal(new[] { "oauth", "authorization" }, baseline.Rules[1].RequiredScopes.Select(scope => scope.Text));
        }

        [Theory]
        [MemberData(nameof(BadBaselines))]
        public void Refuses_a_bad_baseline_at_the_offending_node(string @case, string yaml, int line, int column, string problem)
        {
            using var files = new TempFiles();
            var path = files.Write("bad.yml", yaml);

            var error = Assert.Throws<FileFormatException>(() => Baselines.Loader.ReadFile(path));

            Assert.True(
                error.Line == line && error.Column == column && error.Message.Contains(problem, StringComparison.Ordinal),
                $"{@case}: expected line {line}, column {column}, '{problem}'; got {error.Message}");
            Assert.Equal(DocumentKind.Baseline, error.Document);
            Assert.Equal(path, error.Path);
            Assert.StartsWith($"Baseline '{path}', line {line}, column {column}: ", error.Message);
        }

        [Fact]
        public void Reports_every_mistake_of_a_baseline_in_one_error()
        {
            using var files = new TempFiles();
            var path = files.Write("several.yml", Head.Replace("  name: t\n", "  name: t\n  owner: me\n")
                + "    - id: R-1\n      description: d\n      severity: Hgh\n      requiredScopes: [users, 'bad scope']\n"
                + "    - id: R-2\n      description: d\n      severity: Low\n      maxAccessTokenValiditySeconds: 0\n      allowedStates: [active, retired]\n"
                + "    - id: R-3\n      description: d\n      severity: Low\n      forbidUnknownScopes: true\n"
                + "  waivers:\n    - client: c\n      ruleId: R-1\n      rationale: r\n      expiresOn: 31/03/2027\n");

            var error = Assert.Throws<FileFormatException>(() => Baselines.Loader.ReadFile(path));

            var expected = new[]
            {
                (5, 3, "unknown key 'owner' in 'metadata'."),
                (10, 17, "'spec.rules[0].severity' is 'Hgh', which is not a severity"),
                (11, 31, "'spec.rules[0].requiredScopes[1]' is 'bad scope', which is not a scope name or pattern"),
                (15, 38, "'spec.rules[1].maxAccessTokenValiditySeconds' is '0'"),
                (16, 31, "'spec.rules[1].allowedStates[1]' is 'retired', which is not a client state"),
                (25, 18, "'spec.waivers[0].expiresOn' is '31/03/2027', which is not a date"),
            };
            Assert.True(expected.Length == error.Total, error.Message);
            Assert.Equal(expected.Length, error.Problems.Count);
            var lines = error.Message.Split(new[] { Environment.NewLine }, StringSplitOptions.None);
            for (var index = 0; index < expected.Length; index++)
            {
                var (line, column, problem) = expected[index];
                Assert.Equal((path, line, column), (error.Problems[index].Path, error.Problems[index].Line, error.Problems[index].Column));
                Assert.StartsWith($"Baseline '{path}', line {line}, column {column}: ", lines[index]);
                Assert.Contains(problem, lines[index], StringComparison.Ordinal);
            }

            Assert.Equal($"{expected.Length} problems in all; fix each, then run the command again.", lines[expected.Length]);
            Assert.Equal((5, 3), (error.Line, error.Column));
        }

        [Fact]
        public void A_rule_with_problems_is_not_also_said_to_check_nothing_nor_its_waivers_to_name_no_rule()
        {
            var error = Assert.Throws<FileFormatException>(() => Read(Head
                + "    - id: R-1\n      description: d\n      severity: Severe\n"
                + "  waivers:\n    - client: c\n      ruleId: R-1\n      rationale: r\n      expiresOn: 2027-03-31\n"));

            Assert.Equal(1, error.Total);
            Assert.Contains("'spec.rules[0].severity' is 'Severe'", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("checks nothing", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not a rule of this baseline", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Lists_at_most_twenty_problems_and_counts_the_rest()
        {
            var rules = string.Concat(Enumerable.Range(1, 25).Select(index => $"    - id: R-{index}\n      description: d\n      severity: Severe\n      forbidUnknownScopes: true\n"));

            var error = Assert.Throws<FileFormatException>(() => Read(Head + rules));

            Assert.Equal(25, error.Total);
            Assert.Equal(20, error.Problems.Count);
            var lines = error.Message.Split(new[] { Environment.NewLine }, StringSplitOptions.None);
            Assert.Equal(22, lines.Length);
            Assert.All(lines.Take(20), line => Assert.Matches(@"^Baseline 'test.yml', line \d+, column 17: 'spec.rules\[\d+\].severity' is 'Severe'", line));
            Assert.Equal("... and 5 more.", lines[20]);
            Assert.Equal("25 problems in all; fix each, then run the command again.", lines[21]);
        }

        [Fact]
        public void A_missing_file_is_a_file_not_found()
        {
            using var files = new TempFiles();
            Assert.Throws<FileNotFoundException>(() => Baselines.Loader.ReadFile(Path.Combine(files.Folder, "absent.yml")));
        }

        [Fact]
        public void Errors_in_text_name_the_source()
        {
            var error = Assert.Throws<FileFormatException>(() => Baselines.Parse("kind: Baseline\n", "inline"));

            Assert.Equal("inline", error.Path);
            Assert.Equal("Baseline 'inline', line 1, column 1: '(document)' has no 'apiVersion' ('oauthaudit/v1' expected).", error.Message);
        }

        [Fact]
        public void The_default_baseline_has_the_nine_gc_rules()
        {
            var baseline = Baselines.Loader.BuiltIn;

            Assert.Equal("oauthaudit-default", baseline.Name);
            Assert.Equal("(built-in)", baseline.Source);
            Assert.True(baseline.ReportUnmatchedClients);
            Assert.Empty(baseline.Waivers);
            Assert.Equal(new[] { "GC-001", "GC-002", "GC-003", "GC-004", "GC-005", "GC-006", "GC-007", "GC-008", "GC-009", "GC-010", "GC-011" }, baseline.Rules.Select(rule => rule.Id));
            Assert.Equal(new[] { Severity.Critical, Severity.Medium, Severity.High, Severity.Low, Severity.Low, Severity.Critical, Severity.Low, Severity.Low, Severity.High, Severity.Medium, Severity.Low }, baseline.Rules.Select(rule => rule.Severity));
            Assert.All(baseline.Rules.Where(rule => rule.DeprecatedGrantTypes.Count == 0), rule => Assert.Contains("Admin > Integrations > OAuth", rule.Remediation));

            var rules = baseline.Rules.ToDictionary(rule => rule.Id);
            Assert.Equal(new[] { "oauth", "authorization", "organization-authorization" }, rules["GC-001"].ForbiddenScopes.Select(scope => scope.Text));
            Assert.Equal(86400, rules["GC-002"].MaxAccessTokenValiditySeconds);
            Assert.Equal(new[] { "CODE", "TOKEN" }, rules["GC-003"].Match.GrantTypes);
            Assert.True(rules["GC-003"].RedirectUris!.RequireHttps && rules["GC-003"].RedirectUris!.ForbidWildcardHosts && rules["GC-003"].RedirectUris!.ForbidLocalhost);
            Assert.True(rules["GC-004"].ForbidUnknownScopes);
            Assert.DoesNotContain(GrantTypes.ClientCredentials, rules["GC-004"].Match.GrantTypes);
            Assert.Equal(new[] { "CODE", "TOKEN", "SAML2-BEARER", "PASSWORD" }, rules["GC-004"].Match.GrantTypes);
            Assert.Equal(new[] { "active", "disabled" }, rules["GC-005"].AllowedStates!);
            Assert.True(rules["GC-006"].ForbidPrivilegeEscalation);
            Assert.True(rules["GC-007"].ForbidUnknownRoles);
            Assert.True(rules["GC-008"].ForbidAllDivisions);
            Assert.True(rules["GC-010"].ForbidSuspiciousText);
            Assert.True(rules["GC-010"].Match.IsEmpty);
            Assert.Equal((90, RunData.Usage, RunData.Usage), (rules["GC-011"].MaxIdleDays, rules["GC-011"].OnlyWhenLoaded, rules["GC-011"].Needs));
            Assert.Equal(new[] { "active" }, rules["GC-011"].Match.States);
            Assert.All(new[] { "GC-006", "GC-007", "GC-008" }, id => Assert.Equal(new[] { GrantTypes.ClientCredentials }, rules[id].Match.GrantTypes));
            var implicitGrant = Assert.Single(rules["GC-009"].DeprecatedGrantTypes);
            Assert.Equal(new[] { GrantTypes.Token }, rules["GC-009"].Match.GrantTypes);
            Assert.Equal((GrantTypes.Token, new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)), (implicitGrant.GrantType, implicitGrant.EndOfLife));
            Assert.Contains("Authorization Code grant with PKCE", implicitGrant.Migration);
            Assert.Null(rules["GC-009"].Remediation);
            Assert.Same(baseline, Baselines.Loader.BuiltIn);
        }

        [Fact]
        public void Default_gc_001_exempts_the_demo_admin_tooling_but_not_the_wallboard()
        {
            var snapshot = SnapshotReader.Read(Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json"));
            var registry = new ScopeRegistry(snapshot.Scopes.Select(scope => new OAuthScope(scope.Id!, scope.Description)));
            var clients = snapshot.Clients.Select(dto => OAuthClientFactory.Create(dto, registry, AuthorizationRegistry.Empty, snapshot.Organization)).ToDictionary(client => client.Name);
            var rule = Baselines.Loader.BuiltIn.Rules.Single(candidate => candidate.Id == "GC-001");

            Assert.False(rule.AppliesTo(clients["Genesys Cloud Admin Tooling"]));
            Assert.False(rule.AppliesTo(clients["Terraform CX as Code"]));
            Assert.True(rule.AppliesTo(clients["Ops Wallboard Dashboard"]));
            Assert.Equal(
                new[] { "Genesys Cloud Admin Tooling", "Terraform CX as Code" },
                clients.Values.Where(client => !rule.AppliesTo(client)).Select(client => client.Name).OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public void The_default_baseline_file_in_the_source_tree_is_the_embedded_one()
        {
            var onDisk = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "OAuthAudit.Engine", "Rules", "Loading", "default-baseline.yml"));
            Assert.Equal(onDisk.Replace("\r\n", "\n"), BaselineLoader.BuiltInText().Replace("\r\n", "\n"));
        }

        private static string Rule(params string[] lines) =>
            Head + "    - id: R-1\n      description: d\n      severity: High\n" + string.Concat(lines.Select(line => "      " + line + "\n"));

        private static Baseline Read(string yaml) => Baselines.Parse(yaml, "test.yml");
    }
}
