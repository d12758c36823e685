namespace OAuthAudit.Engine.Connections
{
    /// <summary>Why connection options could not be resolved into a live connection request.</summary>
    public enum ConnectionProblem
    {
        /// <summary>No credentials, or an empty client id, secret or access token.</summary>
        MissingCredentials,

        /// <summary>A client id that cannot be a Genesys Cloud client id.</summary>
        InvalidCredentials,

        /// <summary>Both a region and an environment, or a region, domain or address that is not valid.</summary>
        InvalidEndpoint,

        /// <summary>Plain http to a host that is not this machine.</summary>
        InsecureEndpoint,
    }
}
