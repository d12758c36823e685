using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Client-credentials clients: role × division grants resolved from paged registries read once, and rules over them.</summary>
    public class RoleResolutionTests : IAsyncLifetime
    {
        private const string RolesPath = "/api/v2/authorization/roles";
        private const string DivisionsPath = "/api/v2/authorization/divisions";
        private const string PermissionsPath = "/api/v2/authorization/permissions";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-roles-" + Guid.NewGuid().ToString("N"));
        private LiveOrganization _org = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, "roles.yml"), RoleTableOrganization.Baseline);
            _org = await LiveOrganization.StartAsync(RoleTableOrganization.Create());
            _org.Shell.Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null", new() { ["folder"] = _folder }).ThrowIfFailed();
        }

        public async Task DisposeAsync()
        {
            await _org.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void Each_grant_resolves_to_role_division_and_permissions_with_unknown_ids_kept_and_flagged()
        {
            var result = _org.RunConnected("Get-GcOAuthClient | ForEach-Object { $_.Name + ' | ' + $_.Roles.ToString() + ' | ' + $_.Permissions.ToString() }").ThrowIfFailed();

            Assert.Equal(
                new[]
                {
                    "Sync Service | Reader (Sales); Queue Editor (Home) | analytics:conversationDetail:view; routing:queue:view; routing:queue:edit",
                    "Ops Automation | Admin (all divisions) | *:*:*",
                    "Provisioner | Role Granter (Support); Client Manager (Sales) | authorization:grant:add; directory:user:view; oauth:client:view; oauth:client:add; oauth:client:edit; oauth:client:delete",
                    "Orphan | unknown role role-deleted (Sales); Reader (unknown division division-deleted) | analytics:conversationDetail:view; routing:queue:view",
                    "Filler User | Filler Role 150 (Division 12) | analytics:report150:view",
                    "Web App |  | ",
                },
                result.Output.Select(item => item.ToString()).ToArray());

            var flags = _org.Run("(Get-GcOAuthClient -Name Orphan).Roles | ForEach-Object { '' + $_.IsKnownRole + ',' + $_.IsKnownDivision + ',' + $_.RoleId + ',' + $_.DivisionId }").ThrowIfFailed();
            Assert.Equal(new[] { "False,True,role-deleted,division-sales", "True,False,role-reader,division-deleted" }, flags.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public void Roles_divisions_and_the_permission_catalogue_are_read_once_per_context_every_page_once()
        {
            _org.RunConnected("""
                Get-GcOAuthClient | Out-Null
                Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./roles.yml | Out-Null
                Get-GcAuthorizationRole | Out-Null
                Get-GcAuthorizationDivision | Out-Null
                Get-GcOAuthClient -Id ops-id | Out-Null
                """).ThrowIfFailed();

            // The clients' roles by id in one request; Get-GcAuthorizationRole lists every page; -Id then needs none.
            var roles = _org.Emulator.Requests.Where(request => request.Path == RolesPath).Select(request => request.Query).ToArray();
            var divisions = _org.Emulator.Requests.Where(request => request.Path == DivisionsPath).Select(request => request.Query).ToArray();
            Assert.Equal("?pageSize=100&pageNumber=1&userCount=false&id=role-reader&id=role-queue&id=role-admin&id=role-granter&id=role-clients&id=role-deleted&id=role-150", roles[0]);
            Assert.Equal(
                new[] { "?pageSize=100&pageNumber=1&userCount=false", "?pageSize=100&pageNumber=2&userCount=false", "?pageSize=100&pageNumber=3&userCount=false" },
                roles.Skip(1).OrderBy(query => query, StringComparer.Ordinal));
            Assert.Equal(new[] { "?pageSize=100&pageNumber=1" }, divisions);
            var catalog = _org.Emulator.Requests.Where(request => request.Path == PermissionsPath).Select(request => request.Query).OrderBy(query => query).ToArray();
            Assert.Equal(new[] { "?pageSize=100&pageNumber=1", "?pageSize=100&pageNumber=2" }, catalog);
            Assert.All(_org.Emulator.Requests.Where(request => request.Path == RolesPath), request => Assert.Equal(200, request.Status));
        }

        [Fact]
        public void The_permission_catalogue_is_read_in_pages_once_per_context_and_needs_no_permission()
        {
            var auditor = _org.Emulator.Credentials.Add("oauth:client:view", "authorization:role:view", "authorization:division:view");

            var result = _org.Run(LiveOrganization.Connect + """
                 | Out-Null
                Get-GcOAuthClient -Name 'Ops Automation' -Verbose | Test-GcOAuthClientScope -Baseline ./roles.yml | Out-Null
                Get-GcOAuthClient -Id provisioner-id | Out-Null
                """ + "\n" + LiveOrganization.Connect + """
                 | Out-Null
                Get-GcOAuthClient -Id sync-id | Out-Null
                """, auditor).ThrowIfFailed();

            var pages = _org.Emulator.Requests.Where(request => request.Path == PermissionsPath).ToArray();
            Assert.Equal(
                new[] { "?pageSize=100&pageNumber=1", "?pageSize=100&pageNumber=1", "?pageSize=100&pageNumber=2", "?pageSize=100&pageNumber=2" },
                pages.Select(request => request.Query).OrderBy(query => query, StringComparer.Ordinal));
            Assert.All(pages, request => Assert.Equal(200, request.Status));
            Assert.Contains(result.Verbose, line => line.Contains("Permission catalogue: " + (RoleTableOrganization.FillerDomainCount + 14) + " permissions (cached for this connection)"));
        }

        [Fact]
        public void Legacy_admin_and_conditional_policies_show_on_the_role_objects()
        {
            var roles = _org.Emulator.Organization.Roles;
            roles[0]["permissions"] = new Newtonsoft.Json.Linq.JArray("admin");
            roles[1]["permissionPolicies"]![0]!["allowConditions"] = true;
            roles[1]["permissionPolicies"]![0]!["resourceConditionNode"] = Newtonsoft.Json.Linq.JObject.Parse("""{ "variableName": "Queue.id", "operator": "EQ", "operands": [ { "type": "SCALAR", "value": "q-1" } ] }""");

            var result = _org.RunConnected("""
                $roles = Get-GcAuthorizationRole -Name 'Filler Role 001', 'Filler Role 002'
                $roles | ForEach-Object { $_.Name + ' | ' + $_.Permissions.ToString() + ' | ' + $_.ConditionalPermissions.ToString() + ' | ' + $_.LegacyPermissions.ToString() }
                ($roles | Where-Object Permissions -contains 'analytics:report002:view').Name
                """).ThrowIfFailed();

            Assert.Equal(
                new[]
                {
                    "Filler Role 001 | analytics:report001:view; *:*:* |  | admin",
                    "Filler Role 002 | analytics:report002:view | analytics:report002:view | ",
                    "Filler Role 002",
                },
                result.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public async Task An_organization_without_role_grants_never_reads_roles()
        {
            // The listing read when connecting starts the roles every listed client references, so the organization
            // itself has none here (the shared one has grants); the one client read by id has none either.
            var organization = RoleTableOrganization.Create();
            foreach (var client in organization.Clients)
            {
                client.Remove("roleDivisions");
                client.Remove("roleIds");
            }

            await using var org = await LiveOrganization.StartAsync(organization);
            org.RunConnected("Get-GcOAuthClient -Name 'Web App' | Out-Null; Get-GcOAuthClient | Test-GcOAuthClientScope | Out-Null; Get-GcOAuthClient -Id web-id | Test-GcOAuthClientScope | Out-Null").ThrowIfFailed();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (org.Emulator.InFlightRequestCount > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            // Divisions are read once, beside organizations/me when connecting; roles and the catalogue never.
            // The first listing took the one read when connecting; the second read its own.
            Assert.Equal(2, org.Emulator.Requests.Count(request => request.Path == "/api/v2/oauth/clients"));
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Path == RolesPath || request.Path == PermissionsPath);
            Assert.Single(org.Emulator.Requests, request => request.Path == DivisionsPath);
        }

        [Fact]
        public void Each_role_rule_kind_finds_what_is_written_by_hand()
        {
            var result = _org.RunConnected("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./roles.yml -Expand").ThrowIfFailed();

            var rows = result.Output
                .Select(finding => string.Join(" | ", new[] { "ClientName", "RuleId", "Severity", "Kind", "Subject" }.Select(name => finding.Properties[name].Value?.ToString())))
                .OrderBy(row => row, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(
                new[]
                {
                    "Filler User | R-DIV | Medium | DisallowedDivision | Filler Role 150 (Division 12)",
                    "Filler User | R-REQROLE | Medium | MissingRole | Reader",
                    "Ops Automation | R-ALLDIV | Low | AllDivisionsGrant | Admin (all divisions)",
                    "Ops Automation | R-DIV | Medium | DisallowedDivision | Admin (all divisions)",
                    "Ops Automation | R-ESC | Critical | PrivilegeEscalation | Admin (all divisions)",
                    "Ops Automation | R-FORBIDROLE | Critical | ForbiddenRole | Admin",
                    "Ops Automation | R-PERM | High | ForbiddenPermission | oauth:client:*",
                    "Ops Automation | R-PERM | High | ForbiddenPermission | routing:queue:edit",
                    "Ops Automation | R-WILD | Medium | WildcardPermission | *:*:*",
                    "Orphan | R-UNKNOWN | Low | UnknownDivision | division-deleted",
                    "Orphan | R-UNKNOWN | Low | UnknownRole | role-deleted",
                    "Provisioner | R-DIV | Medium | DisallowedDivision | Role Granter (Support)",
                    "Provisioner | R-ESC | Critical | PrivilegeEscalation | Client Manager (Sales)",
                    "Provisioner | R-ESC | Critical | PrivilegeEscalation | Role Granter (Support)",
                    "Provisioner | R-FORBIDROLE | Critical | ForbiddenRole | Client Manager",
                    "Provisioner | R-PERM | High | ForbiddenPermission | oauth:client:*",
                    "Sync Service | R-PERM | High | ForbiddenPermission | routing:queue:edit",
                },
                rows);
        }

        [Fact]
        public void Escalation_and_permission_findings_spell_out_the_chain()
        {
            var result = _org.RunConnected("Get-GcOAuthClient -Name 'Ops Automation', 'Provisioner' | Test-GcOAuthClientScope -Baseline ./roles.yml -Expand | Where-Object RuleId -in 'R-ESC', 'R-PERM' | ForEach-Object Message").ThrowIfFailed();

            Assert.Equal(
                new[]
                {
                    "'Ops Automation' holds the forbidden permission 'routing:queue:edit': role 'Admin' (all divisions) grants '*:*:*', which includes 'routing:queue:edit'.",
                    "'Ops Automation' holds the forbidden permission 'oauth:client:*': role 'Admin' (all divisions) grants '*:*:*', which includes 'oauth:client:add', 'oauth:client:delete', 'oauth:client:edit', 'oauth:client:view'.",
                    "'Ops Automation' can widen access: role 'Admin' (all divisions) grants '*:*:*', which includes 'oauth:client:add' (can create an OAuth client and give it roles), "
                        + "'oauth:client:edit' (can add roles and scopes to any OAuth client, itself included), 'authorization:role:add' (can create a role with any permission), "
                        + "'authorization:role:edit' (can add permissions to any role, its own included), 'authorization:grant:add' (can grant any role to users and OAuth clients), "
                        + "'directory:organization:admin' (can update any user, send them activation emails and change the organization's authentication and authorization settings).",
                    "'Provisioner' holds the forbidden permission 'oauth:client:*': role 'Client Manager' (Sales) grants 'oauth:client:view', 'oauth:client:add', 'oauth:client:edit', 'oauth:client:delete', organization-wide (not division-aware).",
                    "'Provisioner' can widen access: role 'Role Granter' (Support) grants 'authorization:grant:add' (can grant any role to users and OAuth clients), only in division 'Support'.",
                    "'Provisioner' can widen access: role 'Client Manager' (Sales) grants 'oauth:client:add' (can create an OAuth client and give it roles); "
                        + "and 'oauth:client:edit' (can add roles and scopes to any OAuth client, itself included), organization-wide (not division-aware).",
                },
                result.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public void Roles_and_divisions_list_with_wildcards_and_report_a_literal_miss()
        {
            var result = _org.RunConnected("""
                (Get-GcAuthorizationRole).Count
                Get-GcAuthorizationRole -Name 'Reader', 'Queue*' | ForEach-Object { $_.Name + ': ' + $_.Permissions.ToString() }
                (Get-GcAuthorizationDivision).Count
                Get-GcAuthorizationDivision -Name 'S*' | ForEach-Object Name
                (Get-GcAuthorizationDivision | Where-Object IsHomeDivision).Name
                Get-GcAuthorizationRole -Name 'No Such Role'
                """);

            Assert.Equal(
                new[] { "250", "Queue Editor: routing:queue:view; routing:queue:edit", "Reader: analytics:conversationDetail:view; routing:queue:view", "30", "Sales", "Support", "Home" },
                result.Output.Select(item => item.ToString()).ToArray());
            var miss = Assert.Single(result.Errors);
            Assert.Equal("RoleNotFound,OAuthAudit.Commands.GetGcAuthorizationRoleCommand", miss.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, miss.CategoryInfo.Category);
        }

        [Fact]
        public async Task Without_permission_to_read_roles_the_listing_stops_naming_the_permission()
        {
            var noRoles = _org.Emulator.Credentials.Add("oauth:client:view", "authorization:division:view");

            var result = _org.Run(LiveOrganization.Connect + " | Out-Null; Get-GcOAuthClient", noRoles);

            var error = result.AssertTerminating("MissingPermission", ErrorCategory.PermissionDenied);
            Assert.Contains("authorization:role:view", error.ToString());
            Assert.DoesNotContain(result.Output, item => item.Properties["Name"]?.Value as string == "Sync Service");
            await Task.CompletedTask;
        }
    }
}
