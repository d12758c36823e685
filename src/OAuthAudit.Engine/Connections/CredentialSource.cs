namespace OAuthAudit.Engine.Connections
{
    /// <summary>Where a live connection's credentials come from.</summary>
    public enum CredentialSource
    {
        /// <summary>A client id and a client secret given separately.</summary>
        ClientSecret,

        /// <summary>A credential object: user name = client id, password = client secret.</summary>
        Credential,

        /// <summary>An access token Genesys Cloud already issued.</summary>
        AccessToken,

        /// <summary>The GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET environment variables.</summary>
        EnvironmentVariables,
    }
}
