using System;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// A rule's name regular expression ran out of time on a client's name, so whether the rule applies to that
    /// client is unknown: the client gets no verdict at all (never a pass), and the baseline needs a simpler pattern.
    /// </summary>
    public sealed class PatternTimeoutException : Exception
    {
        public PatternTimeoutException(string ruleId, string pattern, string clientId, string clientName, TimeSpan limit, Exception inner)
            : base($"Rule {ruleId}: the name pattern '{pattern}' took longer than {limit.TotalSeconds:0.###} s on client '{clientName}' ({clientId}), so whether the rule applies to it is unknown and the client was not judged.", inner)
        {
            RuleId = ruleId;
            Pattern = pattern;
            ClientId = clientId;
            ClientName = clientName;
        }

        public string RuleId { get; }

        public string Pattern { get; }

        public string ClientId { get; }

        public string ClientName { get; }
    }
}
