using System.Collections.Generic;
using System.Globalization;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Access tokens must not live longer than the rule allows.</summary>
    internal sealed class TokenLifetimeCheck : IRuleCheck
    {
        private readonly int _maxSeconds;

        // The same for every client: built once.
        private readonly string _allows;

        public TokenLifetimeCheck(int maxSeconds)
        {
            _maxSeconds = maxSeconds;
            _allows = $"; the rule allows at most {Describe(maxSeconds)}.";
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            if (client.AccessTokenValiditySeconds is int seconds && seconds > _maxSeconds)
            {
                yield return new FindingDraft(FindingKind.TokenLifetime, seconds.ToString(CultureInfo.InvariantCulture),
                    "issues tokens valid for " + Describe(seconds) + _allows, Remediations.ShortenTokenLifetime);
            }
        }

        private static string Describe(int seconds) =>
            seconds % 3600 == 0 ? $"{seconds} s ({seconds / 3600} h)" : $"{seconds} s";
    }
}
