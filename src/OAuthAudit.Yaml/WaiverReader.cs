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

        public static readonly IReadOnlyList<string> Keys = new[] { "client", "ruleId", "subject", "rationale", "expiresOn" };

        public static Waiver Read(BaselineContext context, YamlNode node, string path, IReadOnlyList<BaselineRule> rules)
        {
            var map = YamlMap.Of(context, node, path, Keys, "a waiver (a mapping with client, ruleId, rationale and expiresOn)").RejectUnknownKeys();
            var client = map.RequiredText("client", "the client's name or id").Text;
            var ruleId = map.RequiredText("ruleId", "the id of a rule in this baseline");
            var rule = rules.FirstOrDefault(candidate => string.Equals(candidate.Id, ruleId.Text, StringComparison.OrdinalIgnoreCase))
                ?? throw context.Error(ruleId.Node, $"'{ruleId.Path}' is '{ruleId.Text}', which is not a rule of this baseline; its rules are {string.Join(", ", rules.Select(candidate => candidate.Id))}.");
            var subject = map.OptionalText("subject", "a scope, redirect URI or other finding subject")?.Text;
            var rationale = map.RequiredText("rationale", "a rationale saying why the exception is accepted").Text;
            var expiresOn = map.RequiredText("expiresOn", "the last day the waiver applies, as YYYY-MM-DD");
            if (!DateTime.TryParseExact(expiresOn.Text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw context.Error(expiresOn.Node, $"'{expiresOn.Path}' is '{expiresOn.Text}', which is not a date; expected YYYY-MM-DD, such as 2027-03-31.");
            }

            return new Waiver(client, rule.Id, subject, rationale, date);
        }
    }
}
