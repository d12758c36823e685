using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// One side of a comparison: an organization and its OAuth clients as its context's directory resolves them
    /// (scopes against the scope registry, grants against the roles and divisions), whatever the context's source.
    /// </summary>
    public sealed class OrganizationReading
    {
        public OrganizationReading(Organization organization, IEnumerable<OAuthClient> clients)
        {
            Organization = organization;
            Clients = clients.ToArray();
        }

        public Organization Organization { get; }

        public IReadOnlyList<OAuthClient> Clients { get; }

        /// <summary>Reads every client of the context (the whole listing, checked before the first client is returned).</summary>
        public static OrganizationReading Read(GcContext context, Operation operation) =>
            new OrganizationReading(context.Directory.Organization, context.Directory.GetClients(operation));
    }
}
