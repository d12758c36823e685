using System.Collections.Generic;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Completion
{
    /// <summary>Tab completion for -Environment: every Genesys Cloud domain, with its region as the tooltip.</summary>
    public sealed class EnvironmentCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<string> Values => GenesysRegions.Domains;

        protected override string Tooltip(string value) => $"{value} ({GenesysRegions.RegionOf(value)})";
    }
}
