using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>
/// The data the emulator serves, each object in the API's own JSON shape. Read live by every request:
/// change it between requests, not during one.
/// </summary>
public sealed class EmulatorOrganization
{
    public const int SupportedSchemaVersion = 2;

    /// <summary>Version 1 (samples/demo-org.json) is still read; version 2 added kind and tool, which the emulator does not need.</summary>
    public const int OldestSchemaVersion = 1;

    public string? Environment { get; set; }

    public string? CapturedAt { get; set; }

    public JObject Organization { get; set; } = new();

    public List<JObject> Scopes { get; set; } = [];

    public List<JObject> Clients { get; set; } = [];

    public List<JObject> Roles { get; set; } = [];

    public List<JObject> Divisions { get; set; } = [];

    /// <summary>The permission catalogue: DomainPermissionCollection objects, one per domain.</summary>
    public List<JObject> Permissions { get; set; } = [];

    /// <summary>The API usage of clients by id; a client not listed uses <see cref="UsageSeed.Derived"/>. Not part of a snapshot.</summary>
    public Dictionary<string, UsageSeed> Usage { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The audit trail: AuditLogMessage objects (any entity type), served by the audit query endpoints.</summary>
    public List<JObject> AuditMessages { get; set; } = [];

    /// <summary>
    /// The audit service mapping: AuditQueryService objects. Empty when the emulator starts: it is then seeded
    /// (<see cref="AuditTrailSeed"/>) together with the demo audit trail of the clients it knows by name.
    /// </summary>
    public List<JObject> AuditServices { get; set; } = [];

    public static EmulatorOrganization FromSnapshotFile(string path) => FromSnapshotJson(File.ReadAllText(path));

    /// <summary>Reads a <c>docs/snapshot.md</c> snapshot. Dates stay the strings they were.</summary>
    /// <exception cref="InvalidDataException">Not a snapshot of a schema version this reader knows.</exception>
    public static EmulatorOrganization FromSnapshotJson(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };

        JObject root;
        try
        {
            root = JObject.Load(reader);
        }
        catch (JsonReaderException e)
        {
            throw new InvalidDataException($"The snapshot is not a JSON object: {e.Message}", e);
        }

        var version = root["schemaVersion"];
        if (version?.Type != JTokenType.Integer || version.Value<long>() > SupportedSchemaVersion || version.Value<long>() < OldestSchemaVersion)
        {
            throw new InvalidDataException(
                $"Unsupported snapshot schemaVersion '{version?.ToString(Formatting.None) ?? "(missing)"}'; this reader knows {OldestSchemaVersion} to {SupportedSchemaVersion}.");
        }

        return new EmulatorOrganization
        {
            Environment = (string?)root["environment"],
            CapturedAt = (string?)root["capturedAt"],
            Organization = root["organization"] as JObject ?? throw new InvalidDataException("The snapshot has no 'organization' object."),
            Scopes = ObjectsOf(root, "scopes", required: true),
            Clients = ObjectsOf(root, "clients", required: true),
            Roles = ObjectsOf(root, "roles", required: false),
            Divisions = ObjectsOf(root, "divisions", required: false),
            Permissions = ObjectsOf(root, "permissions", required: false),
        };
    }

    private static List<JObject> ObjectsOf(JObject root, string key, bool required)
    {
        var token = root[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return required ? throw new InvalidDataException($"The snapshot has no '{key}' array.") : [];
        }

        if (token is not JArray array || array.Any(item => item is not JObject))
        {
            throw new InvalidDataException($"The snapshot's '{key}' must be an array of objects.");
        }

        return array.Cast<JObject>().ToList();
    }
}
