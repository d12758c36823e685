using System.Collections.Generic;
using System.Text;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// The file names of an organization's reports: oauth-audit-&lt;organization&gt;&lt;extension&gt;. The name comes from
    /// the organization, so only a-z, 0-9 and single dashes are kept (no dot, slash or reserved device name can get
    /// through); an organization whose name leaves nothing is named by its id.
    /// </summary>
    public static class ReportFileNames
    {
        public const string Prefix = "oauth-audit-";

        private const int MaximumPartLength = 64;

        /// <summary>A base name (no extension) per organization, in order; two organizations never share one.</summary>
        public static IReadOnlyList<string> For(IReadOnlyList<RunOrganization> organizations)
        {
            var names = new List<string>();
            foreach (var organization in organizations)
            {
                var name = Prefix + (Part(organization.Name) ?? Part(organization.Id) ?? "organization");
                if (names.Contains(name))
                {
                    name += "-" + (Part(organization.Id) ?? "organization");
                }

                var unique = name;
                for (var number = 2; names.Contains(unique); number++)
                {
                    unique = name + "-" + number;
                }

                names.Add(unique);
            }

            return names;
        }

        private static string? Part(string? text)
        {
            var part = new StringBuilder();
            foreach (var character in (text ?? string.Empty).ToLowerInvariant())
            {
                var kept = (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
                if (kept)
                {
                    part.Append(character);
                }
                else if (part.Length > 0 && part[part.Length - 1] != '-')
                {
                    part.Append('-');
                }

                if (part.Length >= MaximumPartLength)
                {
                    break;
                }
            }

            var trimmed = part.ToString().Trim('-');
            return trimmed.Length == 0 ? null : trimmed;
        }
    }
}
