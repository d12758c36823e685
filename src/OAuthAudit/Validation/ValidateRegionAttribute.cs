using System;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Validation
{
    /// <summary>Accepts only Genesys Cloud region names, and lists them when the value is not one.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateRegionAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var region = arguments as string;
            if (region == null || !GenesysRegions.Names.Contains(region, StringComparer.OrdinalIgnoreCase))
            {
                var shown = arguments?.ToString() ?? string.Empty;
                shown = shown.Length > 60 ? shown.Substring(0, 60) + "…" : shown;
                throw new ValidationMetadataException(
                    $"'{shown}' is not a Genesys Cloud region. Use one of: {string.Join(", ", GenesysRegions.Names)}.");
            }
        }
    }
}
