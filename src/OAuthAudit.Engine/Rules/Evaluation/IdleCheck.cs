using System.Globalization;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// The client must have made an API request in the last N days (today included). A client with no request in
    /// a usage window shorter than N days cannot be judged: the rule is skipped for it, never passed.
    /// </summary>
    internal sealed class IdleCheck : IRuleCheck
    {
        private readonly int _maxIdleDays;

        public IdleCheck(int maxIdleDays)
        {
            _maxIdleDays = maxIdleDays;
        }

        public void Check(CheckContext context)
        {
            var usage = context.Usage!;
            if (usage.DaysSinceLastUse is int idle)
            {
                if (idle >= _maxIdleDays)
                {
                    context.Found(FindingKind.IdleClient, idle.ToString(CultureInfo.InvariantCulture),
                        $"{context.Named}made its last API request on {usage.LastUsed:yyyy-MM-dd}, {idle} days ago; the rule wants a request in the last {_maxIdleDays} days.", Remediations.RetireIdleClient);
                }

                return;
            }

            if (usage.Window.Days < _maxIdleDays)
            {
                context.CannotDecide($"maxIdleDays {_maxIdleDays} needs usage over at least {_maxIdleDays} days, and {usage.Window.Days} were read");
                return;
            }

            context.Found(FindingKind.IdleClient, usage.Window.Days.ToString(CultureInfo.InvariantCulture),
                $"{context.Named}made no API request in the {usage.Window.Days} days of usage read ({usage.Window}); the rule wants a request in the last {_maxIdleDays} days.", Remediations.RetireIdleClient);
        }
    }
}
