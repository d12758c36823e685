using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Benchmarks
{
    /// <summary>A synthetic organization read as the module reads the API's bodies: parsed, registries built, clients resolved.</summary>
    public sealed class Workload
    {
        /// <summary>The evaluation time: after the PASSWORD end-of-life, before the TOKEN one, so both severities occur.</summary>
        public static readonly DateTime Now = new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc);

        private Workload(SyntheticOrganization organization)
        {
            Organization = organization;
            ClientListingJson = organization.ClientListingJson();
            ScopesJson = organization.ScopeListingJson();
            RolesJson = organization.RoleListingJson();
            DivisionsJson = organization.DivisionListingJson();
            PermissionsJson = organization.PermissionListingJson();
            Dtos = ParseClients(ClientListingJson);
            Scopes = BuildScopeRegistry(ScopesJson);
            Authorization = BuildAuthorization(RolesJson, DivisionsJson, PermissionsJson);
            Clients = Resolve(Dtos, Scopes, Authorization);
        }

        public static Organization Org { get; } = new Organization("o-synthetic", "Synthetic Benchmark Org", "synthetic.example");

        public SyntheticOrganization Organization { get; }

        public string ClientListingJson { get; }

        public string ScopesJson { get; }

        public string RolesJson { get; }

        public string DivisionsJson { get; }

        public string PermissionsJson { get; }

        internal IReadOnlyList<OAuthClientDto> Dtos { get; }

        public ScopeRegistry Scopes { get; }

        public AuthorizationRegistry Authorization { get; }

        public IReadOnlyList<OAuthClient> Clients { get; }

        public static Workload Build(int clients) => new Workload(SyntheticOrganization.Build(clients));

        /// <summary>The client listing's body as the live source reads it (JsonBodies: every field checked, no null in a list).</summary>
        internal static IReadOnlyList<OAuthClientDto> ParseClients(string json) =>
            JsonBodies.Read<EntityListingDto<OAuthClientDto>>(json).Entities ?? throw new InvalidOperationException("The listing has no entities.");

        public static ScopeRegistry BuildScopeRegistry(string json) =>
            ScopeRegistry.FromApi(JsonBodies.Read<OAuthScopeListingDto>(json).Entities!);

        public static AuthorizationRegistry BuildAuthorization(string roles, string divisions, string permissions) =>
            new AuthorizationRegistry(
                AuthorizationFactory.Roles(JsonBodies.Read<EntityListingDto<DomainOrganizationRoleDto>>(roles).Entities!),
                AuthorizationFactory.Divisions(JsonBodies.Read<EntityListingDto<AuthzDivisionDto>>(divisions).Entities!),
                PermissionCatalog.FromApi(JsonBodies.Read<EntityListingDto<DomainPermissionCollectionDto>>(permissions).Entities!));

        internal static IReadOnlyList<OAuthClient> Resolve(IReadOnlyList<OAuthClientDto> dtos, ScopeRegistry scopes, AuthorizationRegistry authorization) =>
            dtos.Select(dto => OAuthClientFactory.Create(dto, scopes, authorization, Org)).ToArray();
    }
}
