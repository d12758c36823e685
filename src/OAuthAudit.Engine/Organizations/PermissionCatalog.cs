using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// Every permission the organization's Genesys Cloud defines (GET /api/v2/authorization/permissions): each
    /// domain, entity and action, and whether a grant of it is limited to the grant's division (divisionAware).
    /// It turns a held "*" into the real actions it stands for.
    /// </summary>
    public sealed class PermissionCatalog
    {
        private readonly string[] _permissions;
        private readonly Dictionary<string, bool> _divisionAware;

        // What a held "*" stands for is asked for each grant of each client by several rules; the catalogue never changes.
        private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _including = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        private PermissionCatalog(IEnumerable<(string Permission, bool DivisionAware)> entries)
        {
            _divisionAware = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            foreach (var (permission, divisionAware) in entries)
            {
                _divisionAware[permission] = _divisionAware.TryGetValue(permission, out var known) ? known || divisionAware : divisionAware;
            }

            _permissions = _divisionAware.Keys.OrderBy(permission => permission, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        public int Count => _permissions.Length;

        /// <summary>Entries without a domain, entity or action say nothing and are passed over.</summary>
        internal static PermissionCatalog FromApi(IEnumerable<DomainPermissionCollectionDto> collections) =>
            new PermissionCatalog(collections
                .Where(collection => collection?.PermissionMap != null)
                .SelectMany(collection => collection.PermissionMap!
                    .Where(entity => entity.Value != null)
                    .SelectMany(entity => entity.Value!
                        .Where(permission => permission != null)
                        .Select(permission => (Domain: permission.Domain ?? collection.Domain, Entity: permission.EntityType ?? entity.Key, permission.Action, Aware: permission.DivisionAware ?? false))))
                .Where(entry => IsName(entry.Domain) && IsName(entry.Entity) && IsName(entry.Action))
                .Select(entry => ($"{entry.Domain}:{entry.Entity}:{entry.Action}", entry.Aware)));

        /// <summary>The catalogue's permissions a held or listed permission (with "*" parts) stands for, in name order.</summary>
        public IReadOnlyList<string> Including(string permission) =>
            _including.GetOrAdd(permission ?? throw new ArgumentNullException(nameof(permission)),
                held => ValueList.From(_permissions.Where(candidate => PermissionPattern.Covers(held, candidate))));

        /// <summary>Whether a grant of the permission applies only in the grant's division; null when the catalogue does not list it.</summary>
        public bool? IsDivisionAware(string permission) =>
            _divisionAware.TryGetValue(permission, out var aware) ? aware : (bool?)null;

        private static bool IsName(string? part) => !string.IsNullOrEmpty(part) && part != "*" && part!.IndexOf(':') < 0;
    }
}
