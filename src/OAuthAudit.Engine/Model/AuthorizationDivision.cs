using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>A division of the organization (the API's AuthzDivision).</summary>
    public sealed class AuthorizationDivision
    {
        internal AuthorizationDivision(string id, string name, string? description, bool isHomeDivision)
        {
            Id = id;
            Name = name;
            Description = description;
            IsHomeDivision = isHomeDivision;
        }

        public string Id { get; }

        public string Name { get; }

        public string? Description { get; }

        public bool IsHomeDivision { get; }

        public override string ToString() => DisplayText.Visible(Name)!;
    }
}
