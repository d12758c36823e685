using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Builds pipeline OAuthClient objects from the API's JSON, resolving scope names and role grants.</summary>
    internal static class OAuthClientFactory
    {
        private static readonly List<string> Empty = new List<string>();

        /// <summary>The first field a client cannot be audited without that the JSON lacks, or null.</summary>
        public static string? MissingRequiredField(OAuthClientDto dto) =>
            string.IsNullOrEmpty(dto.Id) ? "id"
            : string.IsNullOrEmpty(dto.AuthorizedGrantType) ? "authorizedGrantType"
            : null;

        public static OAuthClient Create(OAuthClientDto dto, ScopeRegistry registry, AuthorizationRegistry authorization, Organization organization)
        {
            var grants = Grants(dto.RoleDivisions);
            var roleIds = RoleIds(dto);
            return new OAuthClient(dto.Id!, dto.Name ?? dto.Id!, dto.AuthorizedGrantType!)
            {
                Description = dto.Description,
                State = dto.State,
                AccessTokenValiditySeconds = dto.AccessTokenValiditySeconds,
                RegisteredRedirectUri = RedirectUris(dto.RegisteredRedirectUri),
                Scopes = Scopes(dto.Scope, registry),
                RoleDivisions = grants,
                RoleIds = roleIds,
                Roles = Roles(grants, roleIds, authorization),
                DateCreated = dto.DateCreated,
                DateModified = dto.DateModified,
                CreatedBy = Reference(dto.CreatedBy),
                ModifiedBy = Reference(dto.ModifiedBy),
                DateToDelete = dto.DateToDelete,
                SelfUri = dto.SelfUri,
                OrganizationName = organization.Name,
                OrganizationId = organization.Id,
            };
        }

        /// <summary>Whether the client grants any role (roleDivisions or the deprecated roleIds), so roles and divisions must be read.</summary>
        public static bool HasRoleGrants(OAuthClientDto dto)
        {
            if (dto.RoleDivisions?.Count > 0)
            {
                return true;
            }

            foreach (var id in dto.RoleIds ?? Empty)
            {
                if (!string.IsNullOrEmpty(id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every role id the clients reference, each once (ignoring case): what resolving their grants must read.</summary>
        public static string[] ReferencedRoleIds(IEnumerable<OAuthClientDto> clients)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ids = new List<string>();
            foreach (var client in clients)
            {
                foreach (var id in ReferencedRoleIds(client))
                {
                    if (seen.Add(id))
                    {
                        ids.Add(id);
                    }
                }
            }

            return ids.ToArray();
        }

        /// <summary>Every role id the client references, in roleDivisions and in the deprecated roleIds.</summary>
        public static IEnumerable<string> ReferencedRoleIds(OAuthClientDto dto)
        {
            foreach (var grant in dto.RoleDivisions ?? new List<RoleDivisionDto>())
            {
                if (!string.IsNullOrEmpty(grant?.RoleId))
                {
                    yield return grant!.RoleId!;
                }
            }

            foreach (var id in dto.RoleIds ?? Empty)
            {
                if (!string.IsNullOrEmpty(id))
                {
                    yield return id;
                }
            }
        }

        // Plain loops: these run once per client of a 10,000-client listing, in a process that is often cold.
        private static ValueList<RoleDivision> Grants(List<RoleDivisionDto>? dtos)
        {
            if (dtos == null || dtos.Count == 0)
            {
                return ValueList<RoleDivision>.Empty;
            }

            var grants = new List<RoleDivision>(dtos.Count);
            foreach (var grant in dtos)
            {
                if (grant.RoleId != null)
                {
                    grants.Add(new RoleDivision(grant.RoleId, grant.DivisionId));
                }
            }

            return ValueList.Of(grants.ToArray());
        }

        /// <summary>roleDivisions are the API's current truth; only a client without them is audited by its deprecated roleIds.</summary>
        private static ValueList<RoleGrant> Roles(ValueList<RoleDivision> grants, ValueList<string> roleIds, AuthorizationRegistry authorization)
        {
            var roles = new RoleGrant[grants.Count > 0 ? grants.Count : roleIds.Count];
            for (var index = 0; index < roles.Length; index++)
            {
                roles[index] = grants.Count > 0 ? authorization.Resolve(grants[index]) : authorization.ResolveRoleId(roleIds[index]);
            }

            return ValueList.Of(roles);
        }

        private static ValueList<string> RedirectUris(List<string>? uris)
        {
            if (uris == null || uris.Count == 0)
            {
                return ValueList<string>.Empty;
            }

            var kept = new List<string>(uris.Count);
            foreach (var uri in uris)
            {
                if (uri != null)
                {
                    kept.Add(uri);
                }
            }

            return ValueList.Of(kept.ToArray());
        }

        private static ValueList<OAuthScope> Scopes(List<string>? names, ScopeRegistry registry)
        {
            if (names == null || names.Count == 0)
            {
                return ValueList<OAuthScope>.Empty;
            }

            var scopes = new List<OAuthScope>(names.Count);
            foreach (var name in names)
            {
                if (!string.IsNullOrEmpty(name))
                {
                    scopes.Add(registry.Resolve(name));
                }
            }

            return ValueList.Of(scopes.ToArray());
        }

        /// <summary>The deprecated roleIds, each once (ignoring case), in the API's order.</summary>
        private static ValueList<string> RoleIds(OAuthClientDto dto)
        {
            if (dto.RoleIds == null || dto.RoleIds.Count == 0)
            {
                return ValueList<string>.Empty;
            }

            var ids = new List<string>(dto.RoleIds.Count);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in dto.RoleIds)
            {
                if (!string.IsNullOrEmpty(id) && seen.Add(id))
                {
                    ids.Add(id);
                }
            }

            return ValueList.Of(ids.ToArray());
        }

        private static EntityReference? Reference(DomainEntityRefDto? dto) =>
            dto == null ? null : new EntityReference(dto.Id, dto.Name, dto.SelfUri);
    }
}
