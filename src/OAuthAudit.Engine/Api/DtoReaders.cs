using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Hand-written readers for the largest bodies (the OAuth client listing, a client, the role listing): the
    /// serializer's conversions and failures (<see cref="JsonFields"/>) without its reflection, contracts and list
    /// growth, which cost a cold process most of a second on a 10,000-client listing. Each member name is the DTO's
    /// JsonProperty name; a DTO member added without a line here is caught by the engine tests comparing both readers.
    /// </summary>
    internal static class DtoReaders
    {
        private static readonly Dictionary<Type, Func<JsonReader, object?>> Readers = new Dictionary<Type, Func<JsonReader, object?>>
        {
            [typeof(EntityListingDto<OAuthClientDto>)] = reader => JsonFields.Body(reader, () => new EntityListingDto<OAuthClientDto>(), (r, listing) => Listing(r, listing, () => new OAuthClientDto(), Client)),
            [typeof(OAuthClientDto)] = reader => JsonFields.Body<OAuthClientDto>(reader, () => new OAuthClientDto(), Client),
            [typeof(EntityListingDto<DomainOrganizationRoleDto>)] = reader => JsonFields.Body(reader, () => new EntityListingDto<DomainOrganizationRoleDto>(), (r, listing) => Listing(r, listing, () => new DomainOrganizationRoleDto(), Role)),
        };

        private static readonly IReadOnlyDictionary<string, string> ListingNames = JsonFields.Names("entities", "pageSize", "pageNumber", "total", "pageCount", "selfUri", "nextUri");

        private static readonly IReadOnlyDictionary<string, string> ClientNames = JsonFields.Names(
            "id", "name", "description", "authorizedGrantType", "state", "accessTokenValiditySeconds", "registeredRedirectUri", "scope", "roleIds",
            "roleDivisions", "dateCreated", "dateModified", "createdBy", "modifiedBy", "dateToDelete", "selfUri");

        private static readonly IReadOnlyDictionary<string, string> RoleDivisionNames = JsonFields.Names("roleId", "divisionId");

        private static readonly IReadOnlyDictionary<string, string> EntityRefNames = JsonFields.Names("id", "name", "selfUri");

        private static readonly IReadOnlyDictionary<string, string> RoleNames = JsonFields.Names("id", "name", "description", "permissions", "permissionPolicies", "default", "selfUri");

        private static readonly IReadOnlyDictionary<string, string> PolicyNames = JsonFields.Names("domain", "entityName", "policyName", "actionSet", "allowConditions", "resourceConditionNode");

        /// <returns>The reader for T's body, or null when T is read by the serializer.</returns>
        public static Func<JsonReader, object?>? For(Type type) => Readers.TryGetValue(type, out var read) ? read : null;

        private static void Listing<T>(JsonReader reader, EntityListingDto<T> listing, Func<T> create, Action<JsonReader, T> readEntity)
            where T : class =>
            JsonFields.Members(reader, ListingNames, name =>
            {
                switch (name)
                {
                    case "entities": listing.Entities = JsonFields.Objects(reader, listing.Entities, create, readEntity); break;
                    case "pageSize": listing.PageSize = JsonFields.Int32(reader); break;
                    case "pageNumber": listing.PageNumber = JsonFields.Int32(reader); break;
                    case "total": listing.Total = JsonFields.Int64(reader); break;
                    case "pageCount": listing.PageCount = JsonFields.Int32(reader); break;
                    case "selfUri": listing.SelfUri = JsonFields.String(reader); break;
                    default: listing.NextUri = JsonFields.String(reader); break;
                }
            });

        private static void Client(JsonReader reader, OAuthClientDto client) =>
            JsonFields.Members(reader, ClientNames, name =>
            {
                switch (name)
                {
                    case "id": client.Id = JsonFields.String(reader); break;
                    case "name": client.Name = JsonFields.String(reader); break;
                    case "description": client.Description = JsonFields.String(reader); break;
                    case "authorizedGrantType": client.AuthorizedGrantType = JsonFields.String(reader); break;
                    case "state": client.State = JsonFields.String(reader); break;
                    case "accessTokenValiditySeconds": client.AccessTokenValiditySeconds = JsonFields.Int32(reader); break;
                    case "registeredRedirectUri": client.RegisteredRedirectUri = JsonFields.Strings(reader, client.RegisteredRedirectUri); break;
                    case "scope": client.Scope = JsonFields.Strings(reader, client.Scope); break;
                    case "roleIds": client.RoleIds = JsonFields.Strings(reader, client.RoleIds); break;
                    case "roleDivisions": client.RoleDivisions = JsonFields.Objects(reader, client.RoleDivisions, () => new RoleDivisionDto(), RoleDivision); break;
                    case "dateCreated": client.DateCreated = JsonFields.Date(reader); break;
                    case "dateModified": client.DateModified = JsonFields.Date(reader); break;
                    case "createdBy": client.CreatedBy = JsonFields.Object(reader, client.CreatedBy, () => new DomainEntityRefDto(), EntityRef); break;
                    case "modifiedBy": client.ModifiedBy = JsonFields.Object(reader, client.ModifiedBy, () => new DomainEntityRefDto(), EntityRef); break;
                    case "dateToDelete": client.DateToDelete = JsonFields.Date(reader); break;
                    default: client.SelfUri = JsonFields.String(reader); break;
                }
            });

        private static void RoleDivision(JsonReader reader, RoleDivisionDto grant) =>
            JsonFields.Members(reader, RoleDivisionNames, name =>
            {
                if (name == "roleId")
                {
                    grant.RoleId = JsonFields.String(reader);
                }
                else
                {
                    grant.DivisionId = JsonFields.String(reader);
                }
            });

        private static void EntityRef(JsonReader reader, DomainEntityRefDto reference) =>
            JsonFields.Members(reader, EntityRefNames, name =>
            {
                switch (name)
                {
                    case "id": reference.Id = JsonFields.String(reader); break;
                    case "name": reference.Name = JsonFields.String(reader); break;
                    default: reference.SelfUri = JsonFields.String(reader); break;
                }
            });

        private static void Role(JsonReader reader, DomainOrganizationRoleDto role) =>
            JsonFields.Members(reader, RoleNames, name =>
            {
                switch (name)
                {
                    case "id": role.Id = JsonFields.String(reader); break;
                    case "name": role.Name = JsonFields.String(reader); break;
                    case "description": role.Description = JsonFields.String(reader); break;
                    case "permissions": role.Permissions = JsonFields.Strings(reader, role.Permissions); break;
                    case "permissionPolicies": role.PermissionPolicies = JsonFields.Objects(reader, role.PermissionPolicies, () => new DomainPermissionPolicyDto(), Policy); break;
                    case "default": role.Default = JsonFields.Boolean(reader); break;
                    default: role.SelfUri = JsonFields.String(reader); break;
                }
            });

        private static void Policy(JsonReader reader, DomainPermissionPolicyDto policy) =>
            JsonFields.Members(reader, PolicyNames, name =>
            {
                switch (name)
                {
                    case "domain": policy.Domain = JsonFields.String(reader); break;
                    case "entityName": policy.EntityName = JsonFields.String(reader); break;
                    case "policyName": policy.PolicyName = JsonFields.String(reader); break;
                    case "actionSet": policy.ActionSet = JsonFields.Strings(reader, policy.ActionSet); break;
                    case "allowConditions": policy.AllowConditions = JsonFields.Boolean(reader); break;
                    default: policy.ResourceConditionNode = JsonFields.Token(reader); break;
                }
            });
    }
}
