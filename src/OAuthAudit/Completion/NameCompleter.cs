using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Hosting;

namespace OAuthAudit.Completion
{
    /// <summary>
    /// Tab completion for -Name: the names the context (-Context if given, else the session's current one)
    /// already holds in memory. Completion never makes a request: before a listing, a live context offers nothing.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        private const int MaxResults = 500;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var context = GivenContext(fakeBoundParameters) ?? SessionContexts.Current;
            if (context == null || !context.IsConnected)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var typed = Unquote(wordToComplete ?? string.Empty);
            var pattern = new Wildcard(typed + "*");
            return Names(context.Directory)
                .Where(name => pattern.IsMatch(name))
                .Take(MaxResults)
                .Select(name => new CompletionResult(Quoted(name), name, CompletionResultType.ParameterValue, name))
                .ToArray();
        }

        private protected abstract IReadOnlyList<string> Names(OrganizationDirectory directory);

        private static GcContext? GivenContext(IDictionary? fakeBoundParameters)
        {
            var value = fakeBoundParameters?["Context"];
            return (value is PSObject wrapped ? wrapped.BaseObject : value) as GcContext;
        }

        private static string Unquote(string word) =>
            word.Length > 0 && (word[0] == '\'' || word[0] == '"')
                ? word.Substring(1).TrimEnd(word[0]).Replace("''", "'")
                : word;

        /// <summary>
        /// A name as a single-quoted literal when it holds anything PowerShell would read otherwise (quotes doubled).
        /// -Name's wildcards are only * and ?, so [ ] and ` need no escape; a name holding * or ? (rare) also
        /// matches itself, as a pattern.
        /// </summary>
        private static string Quoted(string name) =>
            name.Any(character => char.IsWhiteSpace(character) || "'\"`$(){}[];,|&<>@#*?".IndexOf(character) >= 0)
                ? "'" + name.Replace("'", "''") + "'"
                : name;
    }

    /// <summary>Client names seen in a listing (or by id) in this context.</summary>
    public sealed class ClientNameCompleter : NameCompleter
    {
        private protected override IReadOnlyList<string> Names(OrganizationDirectory directory) => directory.CachedClientNames();
    }

    /// <summary>Scope names, once the scope registry was read.</summary>
    public sealed class ScopeNameCompleter : NameCompleter
    {
        private protected override IReadOnlyList<string> Names(OrganizationDirectory directory) => directory.CachedScopeNames();
    }

    /// <summary>Role names, once the roles were read.</summary>
    public sealed class RoleNameCompleter : NameCompleter
    {
        private protected override IReadOnlyList<string> Names(OrganizationDirectory directory) => directory.CachedRoleNames();
    }

    /// <summary>Division names, once the divisions were read.</summary>
    public sealed class DivisionNameCompleter : NameCompleter
    {
        private protected override IReadOnlyList<string> Names(OrganizationDirectory directory) => directory.CachedDivisionNames();
    }
}
