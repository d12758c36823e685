using System.Collections.Generic;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// The keys of a baseline document other than the demand keys (those are DemandKinds'): the one place each is
    /// spelled, for the reader (OAuthAudit.Yaml) and the writer (Rules/Writing) alike. Each list is in the order
    /// the reader names valid keys and the writer writes them.
    /// </summary>
    public static class BaselineKeys
    {
        public const string ApiVersion = "apiVersion";
        public const string Kind = "kind";
        public const string Metadata = "metadata";
        public const string Spec = "spec";

        public const string Name = "name";
        public const string Description = "description";

        public const string ReportUnmatchedClients = "reportUnmatchedClients";
        public const string Rules = "rules";
        public const string Waivers = "waivers";

        public const string Id = "id";
        public const string Severity = "severity";
        public const string Remediation = "remediation";
        public const string Match = "match";
        public const string Exemptions = "exemptions";
        public const string OnlyWhenLoaded = "onlyWhenLoaded";

        public const string Names = "names";
        public const string NamePatterns = "namePatterns";
        public const string ClientIds = "clientIds";
        public const string GrantTypes = "grantTypes";
        public const string States = "states";

        public const string RequireHttps = "requireHttps";
        public const string ForbidWildcardHosts = "forbidWildcardHosts";
        public const string ForbidLocalhost = "forbidLocalhost";

        public const string GrantType = "grantType";
        public const string EndOfLife = "endOfLife";
        public const string Migration = "migration";

        public const string Client = "client";
        public const string RuleId = "ruleId";
        public const string Subject = "subject";
        public const string Rationale = "rationale";
        public const string ExpiresOn = "expiresOn";

        public static readonly IReadOnlyList<string> Root = new[] { ApiVersion, Kind, Metadata, Spec };

        public static readonly IReadOnlyList<string> MetadataKeys = new[] { Name, Description };

        public static readonly IReadOnlyList<string> SpecKeys = new[] { ReportUnmatchedClients, Rules, Waivers };

        /// <summary>A rule's own keys; its demand keys follow them, in DemandKinds.All order.</summary>
        public static readonly IReadOnlyList<string> RuleOwn = new[] { Id, Description, Severity, Remediation, Match, Exemptions, OnlyWhenLoaded };

        /// <summary>The keys of match and exemptions.</summary>
        public static readonly IReadOnlyList<string> MatchKeys = new[] { Names, NamePatterns, ClientIds, GrantTypes, States };

        public static readonly IReadOnlyList<string> RedirectUriKeys = new[] { RequireHttps, ForbidWildcardHosts, ForbidLocalhost };

        public static readonly IReadOnlyList<string> DeprecatedGrantTypeKeys = new[] { GrantType, EndOfLife, Migration };

        public static readonly IReadOnlyList<string> WaiverKeys = new[] { Client, RuleId, Subject, Rationale, ExpiresOn };
    }
}
