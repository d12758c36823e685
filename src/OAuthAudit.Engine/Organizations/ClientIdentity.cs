using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>What a listing filter may look at before a client is resolved (so filtered-out clients cost no lookups).</summary>
    public readonly struct ClientIdentity
    {
        public ClientIdentity(string id, string name, string grantType, string? state)
        {
            Id = id;
            Name = name;
            GrantType = GrantTypes.Normalize(grantType);
            State = state;
        }

        public string Id { get; }

        public string Name { get; }

        public string GrantType { get; }

        public string? State { get; }
    }
}
