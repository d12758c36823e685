using System.Globalization;
using System.Linq;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// The client's secret must have been set (created or regenerated) within the rule's number of days, as the
    /// change history shows. No such change in a history at least that long is itself a finding; a shorter history
    /// cannot tell, which is a finding too (never a pass). Without history, nothing is checked here: the evaluator
    /// skips a rule whose demands need data the run did not load.
    /// </summary>
    internal sealed class SecretRotationCheck : IRuleCheck
    {
        private readonly int _maxDays;

        public SecretRotationCheck(int maxDays)
        {
            _maxDays = maxDays;
        }

        public void Check(CheckContext context)
        {
            var history = context.History;
            if (history == null || !history.Covers(context.Client.Id))
            {
                return;
            }

            var latest = history.For(context.Client.Id).Where(change => change.SetsSecret).OrderBy(change => change.When).LastOrDefault();
            if (latest != null)
            {
                var age = (int)(context.Now - latest.When.UtcDateTime).TotalDays;
                if (age > _maxDays)
                {
                    context.Found(FindingKind.SecretNotRotated, age.ToString(CultureInfo.InvariantCulture),
                        $"{context.Named}had its secret last set {age} days ago ({latest.Kind} on {latest.When:yyyy-MM-dd} by {latest.ChangedBy}); the rule allows at most {_maxDays} days.", Remediations.RotateSecret);
                }

                return;
            }

            if (history.Days >= _maxDays)
            {
                context.Found(FindingKind.SecretNotRotated, history.Days.ToString(CultureInfo.InvariantCulture),
                    $"{context.Named}shows no secret rotation in the last {history.Days} days (history since {history.Start:yyyy-MM-dd}); the rule allows at most {_maxDays} days.", Remediations.RotateSecret);
            }
            else
            {
                context.Found(FindingKind.HistoryTooShort, history.Days.ToString(CultureInfo.InvariantCulture),
                    $"{context.Named}shows no secret rotation in the {history.Days} days of history read (since {history.Start:yyyy-MM-dd}), fewer than the {_maxDays} days the rule allows, so whether its secret is older cannot be told.", Remediations.ReadLongerHistory);
            }
        }
    }
}
