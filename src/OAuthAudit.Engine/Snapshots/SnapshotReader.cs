using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>
    /// Reads and checks a snapshot file (docs/snapshot.md is the format). Nothing half-read is ever returned: any
    /// problem is a FileFormatException naming the file, line, column and key. The JSON objects are kept as read
    /// (with any client secret dropped), so a snapshot saved again holds what the file held.
    /// </summary>
    internal static class SnapshotReader
    {
        private const DocumentKind Document = DocumentKind.Snapshot;

        /// <summary>The keys of schemaVersion 1 (no kind, no tool) and what version 2 adds.</summary>
        private static readonly string[] VersionOneKeys = { "schemaVersion", "capturedAt", "environment", "organization", "scopes", "clients", "roles", "divisions", "permissions" };

        private static readonly string[] KnownKeys = VersionOneKeys.Concat(new[] { "kind", "tool" }).ToArray();

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonBodies.Settings);

        public static Snapshot Read(string path) => FromDocument(SnapshotText.Parse(path), path);

        /// <summary>Checks a snapshot document (read from <paramref name="path"/>, or about to be written there) as a load does.</summary>
        public static Snapshot FromDocument(JObject root, string path)
        {
            var context = new SnapshotContext(path);
            SnapshotText.RequireSnapshot(root, context.Error);
            var version = context.Required(root, "schemaVersion", JTokenType.Integer);
            var schemaVersion = version.Value<long>();
            if (schemaVersion > Snapshot.CurrentSchemaVersion)
            {
                var tool = (root["tool"] as JObject)?["version"] is JValue { Type: JTokenType.String } written ? $" (OAuthAudit {written})" : string.Empty;
                throw context.Error(version, $"schemaVersion {schemaVersion}: the file was written by a newer OAuthAudit{tool}; this version reads schemaVersion {Snapshot.OldestSchemaVersion} to {Snapshot.CurrentSchemaVersion}. Update the module to read it.");
            }

            if (schemaVersion < Snapshot.OldestSchemaVersion)
            {
                throw context.Error(version, $"schemaVersion {schemaVersion} is not one any OAuthAudit writes (it reads {Snapshot.OldestSchemaVersion} to {Snapshot.CurrentSchemaVersion}). Capture a new snapshot.");
            }

            var keys = schemaVersion == 1 ? VersionOneKeys : KnownKeys;
            foreach (var property in root.Properties().Where(property => !keys.Contains(property.Name)))
            {
                throw context.Error(property, $"unknown key '{property.Name}'. A snapshot of schemaVersion {schemaVersion} has only: {string.Join(", ", keys)}.");
            }

            if (schemaVersion >= 2)
            {
                context.Required(root, "kind", JTokenType.String);
                var tool = (JObject)context.Required(root, "tool", JTokenType.Object);
                context.Required(tool, "name", JTokenType.String);
                context.Required(tool, "version", JTokenType.String);
            }

            var capturedAt = context.Time(context.Required(root, "capturedAt", JTokenType.Date));
            var environment = context.Optional(root, "environment", JTokenType.String)?.Value<string>();
            var organizationItem = (JObject)context.Required(root, "organization", JTokenType.Object);
            var organization = ReadOrganization(context, organizationItem);
            var scopeItems = context.Items((JArray)context.Required(root, "scopes", JTokenType.Array), "scopes").ToArray();
            var scopes = scopeItems.Select(item => ReadEntity<OAuthScopeDto>(context, item, "an OAuthScope")).ToArray();
            var clientItems = context.Items((JArray)context.Required(root, "clients", JTokenType.Array), "clients").Select(ClientSecrets.Drop).ToArray();
            RequireUniqueClientIds(context, clientItems);
            var clients = clientItems.Select(item => ReadClient(context, item)).ToArray();
            var roleItems = OptionalItems(context, root, "roles").ToArray();
            var roles = roleItems.Select(item => ReadEntity<DomainOrganizationRoleDto>(context, item, "a DomainOrganizationRole")).ToArray();
            var divisionItems = OptionalItems(context, root, "divisions").ToArray();
            var divisions = divisionItems.Select(item => ReadEntity<AuthzDivisionDto>(context, item, "an AuthzDivision")).ToArray();
            var permissionItems = context.Optional(root, "permissions", JTokenType.Array) is JArray catalog ? context.Items(catalog, "permissions").ToArray() : null;
            var permissions = permissionItems?.Select(item => ReadPermissionCollection(context, item)).ToArray();
            var data = new SnapshotData(capturedAt, environment, organizationItem, scopeItems, clientItems, roleItems, divisionItems, permissionItems);
            return new Snapshot(path, capturedAt, environment, organization, scopes, clients, roles, divisions, permissions, data);
        }

        private static Organization ReadOrganization(SnapshotContext context, JObject organization)
        {
            var id = context.Required(organization, "id", JTokenType.String).Value<string>()!;
            var name = context.Optional(organization, "name", JTokenType.String)?.Value<string>() ?? id;
            var domain = context.Optional(organization, "thirdPartyOrgName", JTokenType.String)?.Value<string>()
                ?? context.Optional(organization, "domain", JTokenType.String)?.Value<string>();
            return new Organization(id, name, domain);
        }

        private static IEnumerable<JObject> OptionalItems(SnapshotContext context, JObject root, string key) =>
            context.Optional(root, key, JTokenType.Array) is JArray array ? context.Items(array, key) : Enumerable.Empty<JObject>();

        private static T ReadEntity<T>(SnapshotContext context, JObject item, string model)
        {
            context.Required(item, "id", JTokenType.String);
            return context.Convert<T>(item, model);
        }

        /// <summary>A DomainPermissionCollection: a domain, and entity names mapping to lists of actions.</summary>
        private static DomainPermissionCollectionDto ReadPermissionCollection(SnapshotContext context, JObject item)
        {
            context.Required(item, "domain", JTokenType.String);
            context.Required(item, "permissionMap", JTokenType.Object);
            return context.Convert<DomainPermissionCollectionDto>(item, "a DomainPermissionCollection");
        }

        /// <summary>A client listed twice would be audited twice or hide another; the API listing is refused for the same reason.</summary>
        private static void RequireUniqueClientIds(SnapshotContext context, IEnumerable<JObject> items)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in items.Select(item => item["id"]).Where(id => id?.Type == JTokenType.String))
            {
                if (!seen.Add(id!.Value<string>()!))
                {
                    throw context.Error(id!, $"client id '{id}' appears twice in 'clients'; each client is listed once. Capture a new snapshot.");
                }
            }
        }

        private static OAuthClientDto ReadClient(SnapshotContext context, JObject item)
        {
            context.Required(item, "id", JTokenType.String);
            var grant = context.Required(item, "authorizedGrantType", JTokenType.String);
            if (GrantTypes.Canonical(grant.Value<string>()) == null)
            {
                throw context.Error(grant, $"authorizedGrantType '{grant}' is not one of {string.Join(", ", GrantTypes.All)}.");
            }

            return context.Convert<OAuthClientDto>(item, "an OAuthClient");
        }

        private sealed class SnapshotContext
        {
            private readonly string _path;

            public SnapshotContext(string path)
            {
                _path = path;
            }

            public FileFormatException Error(JToken at, string problem)
            {
                var line = (IJsonLineInfo)at;
                return new FileFormatException(Document, _path, line.HasLineInfo() ? line.LineNumber : (int?)null, line.HasLineInfo() ? line.LinePosition : (int?)null, problem);
            }

            public JToken Required(JObject parent, string key, JTokenType type) =>
                Optional(parent, key, type) ?? throw Error(parent, $"'{Where(parent)}' has no '{key}' ({Describe(type)} expected).");

            public JToken? Optional(JObject parent, string key, JTokenType type)
            {
                var value = parent[key];
                if (value == null || value.Type == JTokenType.Null)
                {
                    return null;
                }

                if (value.Type != type && !(type == JTokenType.Date && value.Type == JTokenType.String))
                {
                    throw Error(value, $"'{Where(value)}' is a JSON {value.Type.ToString().ToLowerInvariant()}; {Describe(type)} expected.");
                }

                return value;
            }

            /// <summary>An ISO-8601 time, read as UTC (a time without an offset is taken as UTC).</summary>
            public DateTime Time(JToken value)
            {
                if (value.Type == JTokenType.Date)
                {
                    return value.Value<DateTime>().ToUniversalTime();
                }

                if (DateTime.TryParse(value.Value<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                {
                    return time;
                }

                throw Error(value, $"'{Where(value)}' is a JSON string; {Describe(JTokenType.Date)} expected.");
            }

            public IEnumerable<JObject> Items(JArray array, string key)
            {
                foreach (var item in array)
                {
                    yield return item as JObject ?? throw Error(item, $"'{Where(item)}' is a JSON {item.Type.ToString().ToLowerInvariant()}; every entry of '{key}' is an object.");
                }
            }

            public T Convert<T>(JObject item, string model)
            {
                T converted;
                try
                {
                    converted = item.ToObject<T>(Serializer)!;
                }
                catch (JsonException wrong)
                {
                    var path = LastPathOf(wrong);
                    var at = item.Root.SelectToken(path) ?? item;
                    throw Error(at, $"'{Where(at)}' does not fit {model}: {wrong.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0]}");
                }

                // The API's lists never hold null; one here would be dropped or crash later, so the file is refused.
                if (NullElements.FirstIn(converted!) is string hole)
                {
                    var at = item.SelectToken(hole) ?? item;
                    throw Error(at, $"'{Where(item)}.{hole}' is a JSON null; the lists of {model} never hold null.");
                }

                return converted;
            }

            private static string LastPathOf(JsonException wrong) => wrong switch
            {
                JsonSerializationException serialization => serialization.Path ?? string.Empty,
                JsonReaderException reader => reader.Path ?? string.Empty,
                _ => string.Empty,
            };

            private static string Where(JToken token) => token.Path.Length == 0 ? "(document)" : token.Path;

            private static string Describe(JTokenType type) => type switch
            {
                JTokenType.Integer => "a whole number",
                JTokenType.Date => "an ISO-8601 date such as 2026-11-20T06:00:00Z",
                JTokenType.Object => "an object",
                JTokenType.Array => "an array",
                _ => "a string",
            };
        }
    }
}
