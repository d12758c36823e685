using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Completion
{
    /// <summary>Tab completion for -Environment: every Genesys Cloud domain, with its region as the tooltip.</summary>
    public sealed class EnvironmentCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return GenesysRegions.Domains
                .Where(domain => domain.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(domain => new CompletionResult(domain, domain, CompletionResultType.ParameterValue, $"{domain} ({GenesysRegions.RegionOf(domain)})"));
        }
    }
}
