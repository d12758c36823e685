using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// The changes between two readings of one client (same id): its own settings, its scopes, redirect URIs and role
    /// grants, and what changed under the grants and scopes it holds on both sides (registry entries, roles, divisions).
    /// </summary>
    internal static class ClientDiff
    {
        public static void Compare(OAuthClient before, OAuthClient after, DriftRisk risk, ChangeSink sink)
        {
            var name = after.Name;
            if (!string.Equals(before.Name, after.Name, StringComparison.Ordinal))
            {
                sink.Add(ChangeKind.ClientRenamed, nameof(OAuthClient.Name), before.Name, after.Name, DriftRisk.Cosmetic, $"'{before.Name}' was renamed '{after.Name}'.");
            }

            if (!string.Equals(before.Description ?? string.Empty, after.Description ?? string.Empty, StringComparison.Ordinal))
            {
                sink.Add(ChangeKind.DescriptionChanged, nameof(OAuthClient.Description), before.Description, after.Description, DriftRisk.Cosmetic,
                    $"The description of '{name}' changed from '{before.Description}' to '{after.Description}'.");
            }

            if (!string.Equals(before.AuthorizedGrantType, after.AuthorizedGrantType, StringComparison.Ordinal))
            {
                sink.Add(ChangeKind.GrantTypeChanged, nameof(OAuthClient.AuthorizedGrantType), before.AuthorizedGrantType, after.AuthorizedGrantType, risk.GrantTypeChanged(),
                    $"'{name}' changed grant type from {before.AuthorizedGrantType} to {after.AuthorizedGrantType}.");
            }

            if (!string.Equals(before.State, after.State, StringComparison.OrdinalIgnoreCase))
            {
                sink.Add(ChangeKind.StateChanged, nameof(OAuthClient.State), before.State, after.State, DriftRisk.StateChanged(after.State),
                    $"'{name}' went from {before.State ?? "no state"} to {after.State ?? "no state"}.");
            }

            if (before.AccessTokenValiditySeconds != after.AccessTokenValiditySeconds)
            {
                sink.Add(ChangeKind.TokenLifetimeChanged, nameof(OAuthClient.AccessTokenValiditySeconds), Seconds(before), Seconds(after),
                    risk.TokenLifetimeChanged(before.AccessTokenValiditySeconds, after.AccessTokenValiditySeconds),
                    $"The token lifetime of '{name}' went from {Seconds(before) ?? "unset"} to {Seconds(after) ?? "unset"} seconds.");
            }

            CompareScopes(before, after, risk, sink);
            CompareRedirectUris(before, after, risk, sink);
            CompareGrants(before, after, risk, sink);
        }

        private static void CompareScopes(OAuthClient before, OAuthClient after, DriftRisk risk, ChangeSink sink)
        {
            var held = before.Scopes.GroupBy(scope => scope.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
            var now = after.Scopes.GroupBy(scope => scope.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var scope in now.Values.Where(scope => !held.ContainsKey(scope.Name)))
            {
                sink.Add(ChangeKind.ScopeAdded, nameof(OAuthClient.Scopes), null, scope.Name, risk.ScopeAdded(scope.Name), $"'{after.Name}' gained scope '{scope.Name}'.");
            }

            foreach (var scope in held.Values.Where(scope => !now.ContainsKey(scope.Name)))
            {
                sink.Add(ChangeKind.ScopeRemoved, nameof(OAuthClient.Scopes), scope.Name, null, DriftRisk.Removal, $"'{after.Name}' lost scope '{scope.Name}'.");
            }

            foreach (var scope in now.Values.Where(scope => held.ContainsKey(scope.Name)))
            {
                var was = held[scope.Name];
                if (!was.IsKnown && scope.IsKnown)
                {
                    sink.Add(ChangeKind.ScopeJoinedRegistry, "ScopeRegistry", null, scope.Name, risk.ScopeAdded(scope.Name),
                        $"Scope '{scope.Name}', which '{after.Name}' holds, joined the organization's scope registry.");
                }
                else if (was.IsKnown && !scope.IsKnown)
                {
                    sink.Add(ChangeKind.ScopeLeftRegistry, "ScopeRegistry", was.Name, null, DriftRisk.Removal,
                        $"Scope '{was.Name}', which '{after.Name}' holds, is no longer in the organization's scope registry.");
                }
            }
        }

        private static void CompareRedirectUris(OAuthClient before, OAuthClient after, DriftRisk risk, ChangeSink sink)
        {
            var held = new HashSet<string>(before.RegisteredRedirectUri, StringComparer.Ordinal);
            var now = new HashSet<string>(after.RegisteredRedirectUri, StringComparer.Ordinal);
            foreach (var uri in after.RegisteredRedirectUri.Distinct(StringComparer.Ordinal).Where(uri => !held.Contains(uri)))
            {
                sink.Add(ChangeKind.RedirectUriAdded, nameof(OAuthClient.RegisteredRedirectUri), null, uri, risk.RedirectUriAdded(uri), $"'{after.Name}' gained redirect URI '{uri}'.");
            }

            foreach (var uri in before.RegisteredRedirectUri.Distinct(StringComparer.Ordinal).Where(uri => !now.Contains(uri)))
            {
                sink.Add(ChangeKind.RedirectUriRemoved, nameof(OAuthClient.RegisteredRedirectUri), uri, null, DriftRisk.Removal, $"'{after.Name}' lost redirect URI '{uri}'.");
            }
        }

        private static void CompareGrants(OAuthClient before, OAuthClient after, DriftRisk risk, ChangeSink sink)
        {
            var held = Grants(before);
            var now = Grants(after);
            foreach (var grant in now.Where(entry => !held.ContainsKey(entry.Key)).Select(entry => entry.Value))
            {
                sink.Add(ChangeKind.RoleGrantAdded, nameof(OAuthClient.Roles), null, Text(grant), risk.RoleGrantAdded(grant),
                    $"'{after.Name}' was granted role '{grant.RoleDisplayName}' in {grant.DivisionDisplayName}.");
            }

            foreach (var grant in held.Where(entry => !now.ContainsKey(entry.Key)).Select(entry => entry.Value))
            {
                sink.Add(ChangeKind.RoleGrantRemoved, nameof(OAuthClient.Roles), Text(grant), null, DriftRisk.Removal,
                    $"'{after.Name}' lost role '{grant.RoleDisplayName}' in {grant.DivisionDisplayName}.");
            }

            var kept = now.Where(entry => held.ContainsKey(entry.Key)).Select(entry => (Before: held[entry.Key], After: entry.Value)).ToArray();
            foreach (var role in kept.GroupBy(pair => pair.After.RoleId, StringComparer.OrdinalIgnoreCase).Select(group => group.First()))
            {
                CompareRole(role.Before, role.After, after.Name, risk, sink);
            }

            foreach (var division in kept.Where(pair => !pair.After.IsAllDivisions).GroupBy(pair => pair.After.DivisionId ?? string.Empty, StringComparer.OrdinalIgnoreCase).Select(group => group.First()))
            {
                CompareDivision(division.Before, division.After, after.Name, sink);
            }
        }

        private static void CompareRole(RoleGrant before, RoleGrant after, string clientName, DriftRisk risk, ChangeSink sink)
        {
            if (before.IsKnownRole && after.IsKnownRole && !string.Equals(before.RoleName, after.RoleName, StringComparison.Ordinal))
            {
                sink.Add(ChangeKind.RoleRenamed, "Role", before.RoleName, after.RoleName, DriftRisk.Cosmetic,
                    $"Role '{before.RoleName}', which '{clientName}' holds, was renamed '{after.RoleName}'.");
            }

            var added = after.Permissions.Except(before.Permissions, StringComparer.OrdinalIgnoreCase).OrderBy(permission => permission, StringComparer.Ordinal).ToArray();
            var removed = before.Permissions.Except(after.Permissions, StringComparer.OrdinalIgnoreCase).OrderBy(permission => permission, StringComparer.Ordinal).ToArray();
            if (added.Length == 0 && removed.Length == 0)
            {
                return;
            }

            var roleName = after.RoleName ?? before.RoleDisplayName;
            var gained = added.Length == 0 ? null : $"gained {string.Join(", ", added.Select(permission => $"'{permission}'"))}";
            var lost = removed.Length == 0 ? null : $"lost {string.Join(", ", removed.Select(permission => $"'{permission}'"))}";
            var gone = after.IsKnownRole ? string.Empty : " (the role no longer exists)";
            sink.Add(ChangeKind.RolePermissionsChanged, roleName, Joined(removed), Joined(added), risk.PermissionsChanged(added),
                $"Role '{roleName}', which '{clientName}' holds, {string.Join(" and ", new[] { gained, lost }.Where(part => part != null))}{gone}.");
        }

        private static void CompareDivision(RoleGrant before, RoleGrant after, string clientName, ChangeSink sink)
        {
            if (before.IsKnownDivision && !after.IsKnownDivision)
            {
                sink.Add(ChangeKind.DivisionRemoved, "Division", before.DivisionName, null, DriftRisk.Removal,
                    $"Division '{before.DivisionName}', where '{clientName}' holds role '{after.RoleDisplayName}', is no longer one of the organization's divisions.");
            }
            else if (before.IsKnownDivision && after.IsKnownDivision && !string.Equals(before.DivisionName, after.DivisionName, StringComparison.Ordinal))
            {
                sink.Add(ChangeKind.DivisionRenamed, "Division", before.DivisionName, after.DivisionName, DriftRisk.Cosmetic,
                    $"Division '{before.DivisionName}', where '{clientName}' holds role '{after.RoleDisplayName}', was renamed '{after.DivisionName}'.");
            }
        }

        /// <summary>The client's grants keyed by role id × division id (the first of a repeated pair).</summary>
        private static Dictionary<string, RoleGrant> Grants(OAuthClient client)
        {
            var grants = new Dictionary<string, RoleGrant>(StringComparer.OrdinalIgnoreCase);
            foreach (var grant in client.Roles)
            {
                var key = grant.RoleId + "@" + (grant.DivisionId ?? string.Empty);
                if (!grants.ContainsKey(key))
                {
                    grants.Add(key, grant);
                }
            }

            return grants;
        }

        /// <summary>A grant as plain text, "role (division)", the organization's names kept raw.</summary>
        private static string Text(RoleGrant grant) => $"{grant.RoleDisplayName} ({grant.DivisionDisplayName})";

        private static string? Joined(IReadOnlyCollection<string> permissions) => permissions.Count == 0 ? null : string.Join(ValueList<string>.Separator, permissions);

        private static string? Seconds(OAuthClient client) => client.AccessTokenValiditySeconds?.ToString(CultureInfo.InvariantCulture);
    }
}
