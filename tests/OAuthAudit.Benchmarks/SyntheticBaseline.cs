using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Yaml;

namespace OAuthAudit.Benchmarks
{
    /// <summary>
    /// A baseline of many rules (100 by default) written as a baseline file is, mixing every kind of demand that needs
    /// only the client listing, with name wildcards (a "*" in the middle too), name regular expressions, grant type and
    /// state matches, exemptions, a usage rule that applies only when usage is loaded, and waivers.
    /// </summary>
    public static class SyntheticBaseline
    {
        private static readonly string[] Severities = { "Critical", "High", "Medium", "Low" };

        private static readonly string[][] Templates =
        {
            new[] { "match:", "  grantTypes: [CODE, TOKEN, SAML2-BEARER, PASSWORD]", "exemptions:", "  names: ['*admin*', '*tooling*', '{team}*app 0001*']", "forbiddenScopes: [oauth, authorization, organization-authorization, '{domain}']" },
            new[] { "match:", "  names: ['{team}*']", "allowedScopes: ['*:readonly', conversations, presence, notifications, user-basic-info, '{domain}*']" },
            new[] { "match:", "  namePatterns: ['^{team}\\b', 'app 0{digit}\\d+$']", "  states: active", "requiredScopes: [conversations, 'users:readonly', '{domain}:*', 'presence*']" },
            new[] { "maxAccessTokenValiditySeconds: {seconds}" },
            new[] { "match:", "  grantTypes: [CODE, TOKEN]", "redirectUris:", "  requireHttps: true", "  forbidWildcardHosts: true", "  forbidLocalhost: true" },
            new[] { "allowedStates: [active, disabled]" },
            new[] { "match:", "  grantTypes: [CODE, TOKEN, SAML2-BEARER, PASSWORD]", "forbidUnknownScopes: true" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "  names: ['{team} service*']", "requiredRoles: ['{team}*Reader*', 'Employee']" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "forbiddenRoles: ['Master Admin', 'Admin ?{digit}*', '*Supervisor 1*']" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "exemptions:", "  namePatterns: ['(?i)tooling']", "forbiddenPermissions: ['oauth:client:*', 'authorization:role:edit', '{domain}:*:delete']" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "allowedDivisions: [Home, 'Division 0*', 'Division 1{digit}']", "forbidAllDivisions: true" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "forbidPrivilegeEscalation: true" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "  states: [active, disabled]", "forbidUnknownRoles: true" },
            new[] { "match:", "  grantTypes: CLIENT-CREDENTIALS", "  names: ['*service 0{digit}*']", "forbidWildcardPermissions: true" },
            new[] { "match:", "  grantTypes: [TOKEN, PASSWORD]", "deprecatedGrantTypes:", "  - grantType: TOKEN", "    endOfLife: 2027-03-01", "    migration: Move to the Authorization Code grant with PKCE.", "  - grantType: PASSWORD", "    endOfLife: 2026-01-01", "    migration: Move to client credentials or the Authorization Code grant." },
            new[] { "forbidSuspiciousText: true" },
            new[] { "onlyWhenLoaded: usage", "match:", "  states: active", "maxIdleDays: 90", "flagNeverUsed: true" },
            new[] { "match:", "  grantTypes: SAML2-BEARER", "  clientIds: ['c-00007-0000-4000-8000-000000000007', 'C-00011-0000-4000-8000-000000000011']", "allowedScopes: ['*:readonly']" },
        };

        /// <summary>The baseline's YAML text.</summary>
        public static string Yaml(int rules = 100, int waivers = 20)
        {
            var text = new StringBuilder();
            text.AppendLine("apiVersion: oauthaudit/v1");
            text.AppendLine("kind: Baseline");
            text.AppendLine("metadata:");
            text.AppendLine("  name: synthetic-benchmark");
            text.AppendLine("spec:");
            text.AppendLine("  reportUnmatchedClients: true");
            text.AppendLine("  rules:");
            for (var index = 0; index < rules; index++)
            {
                var team = SyntheticOrganization.Teams[index % SyntheticOrganization.Teams.Length];
                var domain = SyntheticOrganization.Domains[(index * 7) % SyntheticOrganization.Domains.Length];
                text.AppendLine($"    - id: SB-{index:000}");
                text.AppendLine($"      description: Synthetic rule {index} for {team}.");
                text.AppendLine($"      severity: {Severities[index % Severities.Length]}");
                foreach (var line in Templates[index % Templates.Length])
                {
                    text.Append("      ").AppendLine(line
                        .Replace("{team}", team)
                        .Replace("{domain}", domain)
                        .Replace("{digit}", (index % 10).ToString(CultureInfo.InvariantCulture))
                        .Replace("{seconds}", (index % 2 == 0 ? 86400 : 43200).ToString(CultureInfo.InvariantCulture)));
                }
            }

            if (waivers > 0)
            {
                text.AppendLine("  waivers:");
                for (var index = 0; index < waivers; index++)
                {
                    // On the token lifetime and allowed-state rules, which find something on many clients; some for one subject only.
                    var client = index * 37;
                    text.AppendLine($"    - client: {(index % 3 == 0 ? "C" : "c")}-{client:00000}-0000-4000-8000-{client:000000000000}");
                    text.AppendLine($"      ruleId: SB-{(18 * (index % 5)) + (index % 2 == 0 ? 3 : 5):000}");
                    if (index % 4 == 2)
                    {
                        text.AppendLine("      subject: '172800'");
                    }

                    text.AppendLine($"      rationale: Accepted for benchmark {index}.");
                    text.AppendLine($"      expiresOn: {(index % 7 == 0 ? "2026-01-31" : "2027-12-31")}");
                }
            }

            return text.ToString();
        }

        public static Baseline Parse(int rules = 100, int waivers = 20) =>
            new BaselineReader().Parse(new StringReader(Yaml(rules, waivers)), "synthetic-benchmark.yml");

        /// <summary>The demand kinds the baseline's rules make, by key.</summary>
        public static IReadOnlyCollection<string> DemandKeys(Baseline baseline) =>
            baseline.Rules.SelectMany(rule => rule.Demands).Select(demand => demand.Kind.Key).Distinct().ToArray();
    }
}
