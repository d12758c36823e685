using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>The organization an audit reads (the API's Organization, trimmed to what identifies it).</summary>
    public sealed class Organization
    {
        public Organization(string id, string name, string? domain)
        {
            Id = id;
            Name = name;
            Domain = domain;
        }

        public string Id { get; }

        public string Name { get; }

        public string? Domain { get; }

        public override string ToString() => DisplayText.Visible(Name)!;
    }
}
