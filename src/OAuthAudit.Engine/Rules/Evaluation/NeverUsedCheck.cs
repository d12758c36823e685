using System;
using System.Globalization;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>An active client that made no API request in the whole usage window is a finding: a live secret nothing uses.</summary>
    internal sealed class NeverUsedCheck : IRuleCheck
    {
        public void Check(CheckContext context)
        {
            var usage = context.Usage!;
            if (usage.Requests == 0 && string.Equals(context.Client.State, ClientStates.Active, StringComparison.OrdinalIgnoreCase))
            {
                context.Found(FindingKind.NeverUsed, usage.Window.Days.ToString(CultureInfo.InvariantCulture),
                    $"{context.Named}is active but made no API request in the {usage.Window.Days} days of usage read ({usage.Window}).", Remediations.RetireIdleClient);
            }
        }
    }
}
