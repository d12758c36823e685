using System;
using System.Collections.Generic;
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
    /// Reads and checks a snapshot file (samples/README.md describes the format). Nothing half-read is ever
    /// returned: any problem is a FileFormatException naming the file, line, column and key.
    /// </summary>
    internal static class SnapshotReader
    {
        private const DocumentKind Document = DocumentKind.Snapshot;

        private static readonly string[] KnownKeys = { "schemaVersion", "capturedAt", "environment", "organization", "scopes", "clients", "roles", "divisions", "permissions" };

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonBodies.Settings);

        public static Snapshot Read(string path)
        {
            var root = Parse(path);
            var context = new SnapshotContext(path);
            foreach (var property in root.Properties().Where(property => !KnownKeys.Contains(property.Name)))
            {
                throw context.Error(property, $"unknown key '{property.Name}'. A snapshot has only: {string.Join(", ", KnownKeys)}.");
            }

            var version = context.Required(root, "schemaVersion", JTokenType.Integer);
            if (version.Value<long>() != Snapshot.CurrentSchemaVersion)
            {
                throw context.Error(version, $"schemaVersion {version} is not one this module reads (it reads {Snapshot.CurrentSchemaVersion}). Use the OAuthAudit version that wrote the file, or capture a new snapshot.");
            }

            var capturedAt = context.Required(root, "capturedAt", JTokenType.Date);
            var environment = context.Optional(root, "environment", JTokenType.String)?.Value<string>();
            var organization = ReadOrganization(context, (JObject)context.Required(root, "organization", JTokenType.Object));
            var scopes = context.Items((JArray)context.Required(root, "scopes", JTokenType.Array), "scopes")
                .Select(item => ReadEntity<OAuthScopeDto>(context, item, "an OAuthScope"))
                .ToArray();
            var clientItems = context.Items((JArray)context.Required(root, "clients", JTokenType.Array), "clients").ToArray();
            RequireUniqueClientIds(context, clientItems);
            var clients = clientItems.Select(item => ReadClient(context, item)).ToArray();
            var roles = OptionalItems(context, root, "roles").Select(item => ReadEntity<DomainOrganizationRoleDto>(context, item, "a DomainOrganizationRole")).ToArray();
            var divisions = OptionalItems(context, root, "divisions").Select(item => ReadEntity<AuthzDivisionDto>(context, item, "an AuthzDivision")).ToArray();
            var permissions = context.Optional(root, "permissions", JTokenType.Array) is JArray catalog
                ? context.Items(catalog, "permissions").Select(item => ReadPermissionCollection(context, item)).ToArray()
                : null;
            return new Snapshot(path, capturedAt.Value<DateTime>().ToUniversalTime(), environment, organization, scopes, clients, roles, divisions, permissions);
        }

        private static JObject Parse(string path)
        {
            try
            {
                using (var file = File.OpenText(path))
                using (var reader = new JsonTextReader(file) { DateTimeZoneHandling = DateTimeZoneHandling.Utc })
                {
                    var root = JToken.ReadFrom(reader, new JsonLoadSettings
                    {
                        LineInfoHandling = LineInfoHandling.Load,
                        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                    });
                    if (reader.Read())
                    {
                        throw new FileFormatException(Document, path, reader.LineNumber, reader.LinePosition, "there is more text after the end of the JSON document.");
                    }

                    return root as JObject
                        ?? throw new FileFormatException(Document, path, 1, 1, $"the document is a JSON {root.Type}; a snapshot is a JSON object with schemaVersion, capturedAt, organization, scopes and clients.");
                }
            }
            catch (JsonReaderException invalid)
            {
                throw new FileFormatException(Document, path, Math.Max(invalid.LineNumber, 1), Math.Max(invalid.LinePosition, 1), "not valid JSON: " + invalid.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0], invalid);
            }
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

                if (value.Type != type && !(type == JTokenType.Date && value.Type == JTokenType.String && DateTime.TryParse(value.Value<string>(), out _)))
                {
                    throw Error(value, $"'{Where(value)}' is a JSON {value.Type.ToString().ToLowerInvariant()}; {Describe(type)} expected.");
                }

                return value;
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
