using System.Collections.Generic;

namespace OAuthAudit.Engine.Model
{
    /// <summary>The values of OAuthClient.state.</summary>
    public static class ClientStates
    {
        public const string Active = "active";
        public const string Disabled = "disabled";
        public const string Inactive = "inactive";

        public static readonly IReadOnlyList<string> All = new[] { Active, Disabled, Inactive };
    }
}
