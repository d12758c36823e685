using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>The API's DomainEntityRef: a reference to another entity (createdBy, modifiedBy).</summary>
    public sealed class EntityReference
    {
        public EntityReference(string? id, string? name, string? selfUri)
        {
            Id = id;
            Name = name;
            SelfUri = selfUri;
        }

        public string? Id { get; }

        public string? Name { get; }

        public string? SelfUri { get; }

        public override string ToString() => DisplayText.Visible(Name ?? Id) ?? string.Empty;
    }
}
