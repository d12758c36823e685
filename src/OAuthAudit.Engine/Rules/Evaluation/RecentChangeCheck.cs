using System.Globalization;
using System.Linq;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// A change that widened the client's roles or scopes within the rule's number of days is worth a second look
    /// (Info: "review this change", naming who and when). A history shorter than that window says what it could not see.
    /// </summary>
    internal sealed class RecentChangeCheck : IRuleCheck
    {
        private readonly int _days;

        public RecentChangeCheck(int days)
        {
            _days = days;
        }

        public void Check(CheckContext context)
        {
            var history = context.History;
            if (history == null || !history.Covers(context.Client.Id))
            {
                return;
            }

            var since = context.Now.AddDays(-_days);
            foreach (var change in history.For(context.Client.Id).Where(change => change.When.UtcDateTime >= since && change.Widened.Count > 0))
            {
                context.Found(FindingKind.RecentWidening, change.MessageId,
                    $"{context.Named}had its roles or scopes widened on {change.When} by {change.ChangedBy} ({string.Join(", ", change.Widened)}); review this change.",
                    Remediations.ReviewChange, Severity.Info);
            }

            if (history.Days < _days)
            {
                context.Found(FindingKind.HistoryTooShort, history.Days.ToString(CultureInfo.InvariantCulture),
                    $"{context.Named}was checked for widened roles or scopes over {history.Days} days of history (since {history.Start:yyyy-MM-dd}), fewer than the {_days} days the rule looks back; older changes were not seen.",
                    Remediations.ReadLongerHistory, Severity.Info);
            }
        }
    }
}
