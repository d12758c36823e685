using System.Collections.Generic;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Completion
{
    /// <summary>Tab completion for -Region: every Genesys Cloud region name.</summary>
    public sealed class RegionCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<string> Values => GenesysRegions.Names;

        protected override string Tooltip(string value) => $"{value} ({GenesysRegions.DomainOf(value)})";
    }
}
