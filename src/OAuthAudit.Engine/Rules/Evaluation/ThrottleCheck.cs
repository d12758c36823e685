using System.Globalization;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>A client whose requests were answered 429 more often than the rule allows is throttled: always a Low finding (an operational warning, not a policy breach).</summary>
    internal sealed class ThrottleCheck : IRuleCheck
    {
        private readonly int _maxPercent;

        public ThrottleCheck(int maxPercent)
        {
            _maxPercent = maxPercent;
        }

        public void Check(CheckContext context)
        {
            var usage = context.Usage!;
            if (usage.Requests > 0 && usage.ThrottledPercent > _maxPercent)
            {
                var share = usage.ThrottledPercent.ToString("0.#", CultureInfo.InvariantCulture);
                context.Found(FindingKind.Throttled, share,
                    $"{context.Named}had {usage.Status429} of its {usage.Requests} API requests ({share}%) answered 429 (rate limited) in {usage.Window}; the rule allows at most {_maxPercent}%.",
                    Remediations.ReduceThrottling, fixedSeverity: Severity.Low);
            }
        }
    }
}
