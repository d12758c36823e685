using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Completion
{
    /// <summary>Tab completion for -Region: every Genesys Cloud region name.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return GenesysRegions.Names
                .Where(region => region.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(region => new CompletionResult(region, region, CompletionResultType.ParameterValue, $"{region} ({GenesysRegions.DomainOf(region)})"));
        }
    }
}
