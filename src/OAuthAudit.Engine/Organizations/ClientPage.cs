using System.Collections.Generic;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>One page of the client listing and where the next one is (null on the last page).</summary>
    internal sealed class ClientPage
    {
        public ClientPage(IReadOnlyList<OAuthClientDto> clients, string? next)
        {
            Clients = clients;
            Next = next;
        }

        public IReadOnlyList<OAuthClientDto> Clients { get; }

        public string? Next { get; }
    }
}
