using System.Collections.Concurrent;
using System.Globalization;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Access tokens must not live longer than the rule allows.</summary>
    internal sealed class TokenLifetimeCheck : IRuleCheck
    {
        private readonly int _maxSeconds;

        // The same for every client: built once.
        private readonly string _allows;

        // Per lifetime found (a handful of values across an organization): the subject and the message after the client's name.
        private readonly ConcurrentDictionary<int, (string Subject, string Text)> _texts = new ConcurrentDictionary<int, (string, string)>();

        public TokenLifetimeCheck(int maxSeconds)
        {
            _maxSeconds = maxSeconds;
            _allows = $"; the rule allows at most {Describe(maxSeconds)}.";
        }

        public void Check(CheckContext context)
        {
            if (context.Client.AccessTokenValiditySeconds is int seconds && seconds > _maxSeconds)
            {
                if (!_texts.TryGetValue(seconds, out var text))
                {
                    text = _texts.GetOrAdd(seconds, (seconds.ToString(CultureInfo.InvariantCulture), "issues tokens valid for " + Describe(seconds) + _allows));
                }

                context.Found(FindingKind.TokenLifetime, text.Subject, context.Named + text.Text, Remediations.ShortenTokenLifetime);
            }
        }

        private static string Describe(int seconds) =>
            seconds % 3600 == 0 ? $"{seconds} s ({seconds / 3600} h)" : $"{seconds} s";
    }
}
