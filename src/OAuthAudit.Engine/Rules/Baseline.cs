using System;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>A loaded, checked baseline (apiVersion oauthaudit/v1, kind Baseline): rules and waivers.</summary>
    public sealed class Baseline
    {
        public const string ApiVersion = "oauthaudit/v1";
        public const string Kind = "Baseline";

        internal Baseline(string name, string? description, string source, ValueList<BaselineRule> rules, ValueList<Waiver> waivers, bool reportUnmatchedClients)
        {
            Name = name;
            Description = description;
            Source = source;
            Rules = rules;
            Waivers = waivers;
            ReportUnmatchedClients = reportUnmatchedClients;
        }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>The file it was read from, or "(built-in)".</summary>
        public string Source { get; }

        /// <summary>SHA-256 (lowercase hex) of the file's bytes, or of the built-in text in UTF-8; null when parsed from text not read by the loader.</summary>
        public string? Sha256 { get; internal set; }

        public ValueList<BaselineRule> Rules { get; }

        public ValueList<Waiver> Waivers { get; }

        /// <summary>Whether a client no rule applies to gets an Info finding saying so.</summary>
        public bool ReportUnmatchedClients { get; }

        public ValueList<Waiver> ExpiredWaivers(DateTime now) => ValueList.From(Waivers.Where(waiver => waiver.IsExpired(now)));

        public override string ToString() => DisplayText.Visible($"{Name} ({Rules.Count} rules)")!;
    }
}
