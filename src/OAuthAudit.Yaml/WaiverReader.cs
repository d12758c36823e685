using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OAuthAudit.Engine.Rules;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>Reads one entry of spec.waivers, checking its rule is one of the baseline's.</summary>
    internal static class WaiverReader
    {
        public const string DateFormat = "yyyy-MM-dd";

        public static readonly IReadOnlyList<string> Keys = BaselineKeys.WaiverKeys;

        /// <summary>
        /// Reads the waiver at node, recording every problem in it with the context; null when any was found.
        /// ruleIds are the ids the baseline gives (including those of rules that have problems of their own).
        /// </summary>
        public static Waiver? Read(BaselineContext context, YamlNode node, string path, IReadOnlyList<string> ruleIds)
        {
            var problemsBefore = context.ProblemCount;
            var map = YamlMap.Of(context, node, path, Keys, "a waiver (a mapping with client, ruleId, rationale and expiresOn)").RejectUnknownKeys();
            var client = context.Try(() => map.RequiredText(BaselineKeys.Client, "the client's name or id").Text, string.Empty);
            var ruleId = context.Try(() =>
            {
                var given = map.RequiredText(BaselineKeys.RuleId, "the id of a rule in this baseline");
                return ruleIds.FirstOrDefault(candidate => string.Equals(candidate, given.Text, StringComparison.OrdinalIgnoreCase))
                    ?? throw context.Error(given.Node, $"'{given.Path}' is '{given.Text}', which is not a rule of this baseline; its rules are {string.Join(", ", ruleIds)}.");
            }, string.Empty);
            var subject = context.Try(() => map.OptionalText(BaselineKeys.Subject, "a scope, redirect URI or other finding subject")?.Text, null);
            var rationale = context.Try(() => map.RequiredText(BaselineKeys.Rationale, "a rationale saying why the exception is accepted").Text, string.Empty);
            var expiresOn = context.Try<DateTime?>(() =>
            {
                var given = map.RequiredText(BaselineKeys.ExpiresOn, "the last day the waiver applies, as YYYY-MM-DD");
                return DateTime.TryParseExact(given.Text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw context.Error(given.Node, $"'{given.Path}' is '{given.Text}', which is not a date; expected YYYY-MM-DD, such as 2027-03-31.");
            }, null);

            return context.ProblemCount > problemsBefore || !expiresOn.HasValue
                ? null
                : new Waiver(client, ruleId, subject, rationale, expiresOn.Value);
        }
    }
}
