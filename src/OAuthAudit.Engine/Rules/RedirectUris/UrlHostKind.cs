namespace OAuthAudit.Engine.Rules.RedirectUris
{
    /// <summary>What a normalised URL host is.</summary>
    internal enum UrlHostKind
    {
        Domain,
        IPv4,
        IPv6,

        /// <summary>The host of a custom scheme, judged as written.</summary>
        Opaque,
    }
}
