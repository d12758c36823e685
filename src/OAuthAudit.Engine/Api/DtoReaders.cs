using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Hand-written readers for the largest bodies (the OAuth client listing, a client, the role listing), and for the
    /// token answer, which is on the way to every first request (the serializer's first use costs a cold process tens
    /// of milliseconds): the
    /// serializer's conversions and failures (<see cref="JsonFields"/>) without its reflection, contracts and list
    /// growth, which cost a cold process most of a second on a 10,000-client listing. Each member name is the DTO's
    /// JsonProperty name; a DTO member added without a line here is caught by the engine tests comparing both readers.
    /// </summary>
    internal static class DtoReaders
    {
        private static readonly Dictionary<Type, Func<Utf8JsonTokenizer, object?>> Readers = new Dictionary<Type, Func<Utf8JsonTokenizer, object?>>
        {
            [typeof(EntityListingDto<OAuthClientDto>)] = reader => JsonFields.Body(reader, () => new EntityListingDto<OAuthClientDto>(), (r, listing) => Listing(r, listing, () => new OAuthClientDto(), Client)),
            [typeof(OAuthClientDto)] = reader => JsonFields.Body<OAuthClientDto>(reader, () => new OAuthClientDto(), Client),
            [typeof(EntityListingDto<DomainOrganizationRoleDto>)] = reader => JsonFields.Body(reader, () => new EntityListingDto<DomainOrganizationRoleDto>(), (r, listing) => Listing(r, listing, () => new DomainOrganizationRoleDto(), Role)),
            [typeof(TokenResponseDto)] = reader => JsonFields.Body(reader, () => new TokenResponseDto(), Token),
        };

        private static readonly MemberNames TokenNames = new MemberNames("access_token", "token_type", "expires_in", "error", "error_description");

        private static readonly MemberNames ListingNames = new MemberNames("entities", "pageSize", "pageNumber", "total", "pageCount", "selfUri", "nextUri");

        private static readonly MemberNames ClientNames = new MemberNames(
            "id", "name", "description", "authorizedGrantType", "state", "accessTokenValiditySeconds", "registeredRedirectUri", "scope", "roleIds",
            "roleDivisions", "dateCreated", "dateModified", "createdBy", "modifiedBy", "dateToDelete", "selfUri");

        private static readonly MemberNames RoleDivisionNames = new MemberNames("roleId", "divisionId");

        private static readonly MemberNames EntityRefNames = new MemberNames("id", "name", "selfUri");

        private static readonly MemberNames RoleNames = new MemberNames("id", "name", "description", "permissions", "permissionPolicies", "default", "selfUri");

        private static readonly MemberNames PolicyNames = new MemberNames("domain", "entityName", "policyName", "actionSet", "allowConditions", "resourceConditionNode");

        /// <returns>The reader for T's body, or null when T is read by the serializer.</returns>
        public static Func<Utf8JsonTokenizer, object?>? For(Type type) => Readers.TryGetValue(type, out var read) ? read : null;

        private static void Listing<T>(Utf8JsonTokenizer reader, EntityListingDto<T> listing, Func<T> create, Action<Utf8JsonTokenizer, T> readEntity)
            where T : class =>
            JsonFields.Members(reader, ListingNames, listing, (_, name, __) =>
            {
                switch (name)
                {
                    case "entities": listing.Entities = JsonFields.Objects(reader, listing.Entities, create, readEntity); return true;
                    case "pageSize": listing.PageSize = JsonFields.Int32(reader); return true;
                    case "pageNumber": listing.PageNumber = JsonFields.Int32(reader); return true;
                    case "total": listing.Total = JsonFields.Int64(reader); return true;
                    case "pageCount": listing.PageCount = JsonFields.Int32(reader); return true;
                    case "selfUri": listing.SelfUri = JsonFields.String(reader); return true;
                    case "nextUri": listing.NextUri = JsonFields.String(reader); return true;
                    default: return false;
                }
            });

        private static void Token(Utf8JsonTokenizer reader, TokenResponseDto answer) => JsonFields.Members(reader, TokenNames, answer, TokenMember);

        private static bool TokenMember(Utf8JsonTokenizer reader, string name, TokenResponseDto answer)
        {
            switch (name)
            {
                case "access_token": answer.AccessToken = JsonFields.String(reader); return true;
                case "token_type": answer.TokenType = JsonFields.String(reader); return true;
                case "expires_in": answer.ExpiresIn = JsonFields.Float(reader); return true;
                case "error": answer.Error = JsonFields.String(reader); return true;
                case "error_description": answer.ErrorDescription = JsonFields.String(reader); return true;
                default: return false;
            }
        }

        private static void Client(Utf8JsonTokenizer reader, OAuthClientDto client) => JsonFields.Members(reader, ClientNames, client, ClientMember);

        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static bool ClientMember(Utf8JsonTokenizer reader, string name, OAuthClientDto client)
        {
            switch (name)
            {
                case "id": client.Id = JsonFields.String(reader); return true;
                case "name": client.Name = JsonFields.String(reader); return true;
                case "description": client.Description = JsonFields.String(reader); return true;
                case "authorizedGrantType": client.AuthorizedGrantType = JsonFields.String(reader); return true;
                case "state": client.State = JsonFields.String(reader); return true;
                case "accessTokenValiditySeconds": client.AccessTokenValiditySeconds = JsonFields.Int32(reader); return true;
                case "registeredRedirectUri": client.RegisteredRedirectUri = JsonFields.Strings(reader, client.RegisteredRedirectUri); return true;
                case "scope": client.Scope = JsonFields.Strings(reader, client.Scope); return true;
                case "roleIds": client.RoleIds = JsonFields.Strings(reader, client.RoleIds); return true;
                case "roleDivisions": client.RoleDivisions = JsonFields.Objects(reader, client.RoleDivisions, () => new RoleDivisionDto(), RoleDivision); return true;
                case "dateCreated": client.DateCreated = JsonFields.Date(reader); return true;
                case "dateModified": client.DateModified = JsonFields.Date(reader); return true;
                case "createdBy": client.CreatedBy = JsonFields.Object(reader, client.CreatedBy, () => new DomainEntityRefDto(), EntityRef); return true;
                case "modifiedBy": client.ModifiedBy = JsonFields.Object(reader, client.ModifiedBy, () => new DomainEntityRefDto(), EntityRef); return true;
                case "dateToDelete": client.DateToDelete = JsonFields.Date(reader); return true;
                case "selfUri": client.SelfUri = JsonFields.String(reader); return true;
                default: return false;
            }
        }

        private static void RoleDivision(Utf8JsonTokenizer reader, RoleDivisionDto grant) => JsonFields.Members(reader, RoleDivisionNames, grant, RoleDivisionMember);

        private static bool RoleDivisionMember(Utf8JsonTokenizer reader, string name, RoleDivisionDto grant)
        {
            switch (name)
            {
                case "roleId": grant.RoleId = JsonFields.String(reader); return true;
                case "divisionId": grant.DivisionId = JsonFields.String(reader); return true;
                default: return false;
            }
        }

        private static void EntityRef(Utf8JsonTokenizer reader, DomainEntityRefDto reference) => JsonFields.Members(reader, EntityRefNames, reference, EntityRefMember);

        private static bool EntityRefMember(Utf8JsonTokenizer reader, string name, DomainEntityRefDto reference)
        {
            switch (name)
            {
                case "id": reference.Id = JsonFields.String(reader); return true;
                case "name": reference.Name = JsonFields.String(reader); return true;
                case "selfUri": reference.SelfUri = JsonFields.String(reader); return true;
                default: return false;
            }
        }

        private static void Role(Utf8JsonTokenizer reader, DomainOrganizationRoleDto role) => JsonFields.Members(reader, RoleNames, role, RoleMember);

        private static bool RoleMember(Utf8JsonTokenizer reader, string name, DomainOrganizationRoleDto role)
        {
            switch (name)
            {
                case "id": role.Id = JsonFields.String(reader); return true;
                case "name": role.Name = JsonFields.String(reader); return true;
                case "description": role.Description = JsonFields.String(reader); return true;
                case "permissions": role.Permissions = JsonFields.Strings(reader, role.Permissions); return true;
                case "permissionPolicies": role.PermissionPolicies = JsonFields.Objects(reader, role.PermissionPolicies, () => new DomainPermissionPolicyDto(), Policy); return true;
                case "default": role.Default = JsonFields.Boolean(reader); return true;
                case "selfUri": role.SelfUri = JsonFields.String(reader); return true;
                default: return false;
            }
        }

        private static void Policy(Utf8JsonTokenizer reader, DomainPermissionPolicyDto policy) => JsonFields.Members(reader, PolicyNames, policy, PolicyMember);

        private static bool PolicyMember(Utf8JsonTokenizer reader, string name, DomainPermissionPolicyDto policy)
        {
            switch (name)
            {
                case "domain": policy.Domain = JsonFields.String(reader); return true;
                case "entityName": policy.EntityName = JsonFields.String(reader); return true;
                case "policyName": policy.PolicyName = JsonFields.String(reader); return true;
                case "actionSet": policy.ActionSet = JsonFields.Strings(reader, policy.ActionSet); return true;
                case "allowConditions": policy.AllowConditions = JsonFields.Boolean(reader); return true;
                case "resourceConditionNode": policy.ResourceConditionNode = JsonFields.Token(reader); return true;
                default: return false;
            }
        }
    }
}
