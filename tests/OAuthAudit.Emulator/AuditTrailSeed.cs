using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>
/// The audit service mapping and a demo audit trail for the fixture organization's clients (found by name; an
/// organization without them gets the mapping only): a creation, secret regenerations, a role change, a scope
/// change, a rename and a state change, by users and by an OAuth client, dated relative to the emulator's clock.
/// </summary>
public static class AuditTrailSeed
{
    public const string Service = "PeoplePermissions";
    public const string DanaId = "1e9c3a55-0d54-4c1f-9e0b-5d1a0e6f7a01";
    public const string DanaName = "Dana Okafor";
    public const string SamId = "7b2d4e66-1f65-4d20-8f1c-6e2b1f708b02";
    public const string SamName = "Sam Reyes";
    public const string TerraformClientId = "6b272614-a7e3-528b-8fd0-d81c55812138";

    /// <summary>Secret values the seeded messages carry in their property changes, as a careless API might: output must never show them.</summary>
    public static readonly IReadOnlyList<string> SeededSecrets =
    [
        "EmuOldSecret-4hG7kQ2pXw9ZrT1b",
        "EmuNewSecret-Vn3Lc8Yd5Jm0Qa6s",
        "EmuOktaSecret-Pz4Rk7Wt2Hs9Ue1x",
        "EmuDashSecret-Gq8Tn1Bv6Kc3Mf0y",
    ];

    public static void Apply(EmulatorOrganization organization, DateTimeOffset now)
    {
        organization.AuditServices =
        [
            new JObject
            {
                ["name"] = "Architect",
                ["entities"] = new JArray(new JObject { ["name"] = "Flow", ["actions"] = new JArray("Create", "Update", "Delete", "Publish") }),
            },
            new JObject
            {
                ["name"] = Service,
                ["entities"] = new JArray(
                    new JObject { ["name"] = "Role", ["actions"] = new JArray("Create", "Update", "Delete") },
                    new JObject { ["name"] = "OAuthClient", ["actions"] = new JArray("Create", "Update", "Delete") }),
            },
        ];

        var messages = new List<JObject>();
        void Add(string clientName, double daysAgo, string action, JObject? user, JObject? client, string ip, params JObject[] changes)
        {
            var entity = organization.Clients.FirstOrDefault(candidate => (string?)candidate["name"] == clientName);
            if (entity is null)
            {
                return;
            }

            messages.Add(Message((string)entity["id"]!, clientName, "OAuthClient", now.AddDays(-daysAgo), action, user, client, ip, changes));
        }

        var dana = User(DanaId, DanaName);
        var sam = User(SamId, SamName);
        var terraform = new JObject { ["id"] = TerraformClientId, ["selfUri"] = "/api/v2/oauth/clients/" + TerraformClientId };

        Add("Salesforce Data Sync", 200, "Update", dana, null, "203.0.113.10", Change("secret", [SeededSecrets[0]], [SeededSecrets[1]]));
        Add("Salesforce Data Sync", 20, "Update", null, terraform, "198.51.100.7",
            Change("roleDivisions", ["be4f6041-478a-580b-a023-7da7e6e0a5a6/b6d76dff-3f71-5f77-af88-e787a7caf44c"],
                ["be4f6041-478a-580b-a023-7da7e6e0a5a6/b6d76dff-3f71-5f77-af88-e787a7caf44c", "0643f010-ff9e-5b07-9a2e-0a340e58e36e/*"]));
        Add("Salesforce Data Sync", 6, "Update", sam, null, "203.0.113.24", Change("name", ["Salesforce Sync"], ["Salesforce Data Sync"]));
        Add("Internal Dashboard (dev)", 150, "Create", sam, null, "203.0.113.24",
            Change("name", [], ["Internal Dashboard (dev)"]), Change("authorizedGrantType", [], ["TOKEN"]), Change("secret", [], [SeededSecrets[3]]));
        Add("Internal Dashboard (dev)", 3, "Update", sam, null, "203.0.113.24",
            Change("scope", ["analytics:readonly", "routing:readonly", "users:readonly", "notifications"], ["analytics:readonly", "routing:readonly", "users:readonly", "notifications", "user-basic-info"]));
        Add("Okta SCIM Provisioning", 370, "Update", dana, null, "203.0.113.10", Change("secret", [], [SeededSecrets[2]]));
        Add("Okta SCIM Provisioning", 40, "Update", null, terraform, "198.51.100.7", Change("description", ["SCIM"], ["SCIM provisioning from Okta"]));
        Add("Old Call Recorder Bridge", 10, "Update", dana, null, "203.0.113.10", Change("state", ["active"], ["inactive"]));

        // Another entity type in the same service: a query for OAuthClient must not return it.
        messages.Add(Message("0643f010-ff9e-5b07-9a2e-0a340e58e36e", "admin", "Role", now.AddDays(-2), "Update", dana, null, "203.0.113.10",
            [Change("permissionPolicies", ["directory:*:*"], ["*:*:*"])]));
        organization.AuditMessages = messages;
    }

    private static JObject User(string id, string name) => new() { ["id"] = id, ["name"] = name, ["selfUri"] = "/api/v2/users/" + id };

    private static JObject Change(string property, string[] oldValues, string[] newValues) =>
        new() { ["property"] = property, ["oldValues"] = new JArray(oldValues), ["newValues"] = new JArray(newValues) };

    private static JObject Message(string entityId, string entityName, string entityType, DateTimeOffset when, string action, JObject? user, JObject? client, string ip, JObject[] changes)
    {
        var id = DeterministicId(entityId + "|" + action + "|" + when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "|" + changes.Length);
        return new JObject
        {
            ["id"] = id,
            ["userHomeOrgId"] = "5f3a7bcd-0000-4000-8000-00000000d0e0",
            ["user"] = user?.DeepClone() ?? new JObject(),
            ["client"] = client?.DeepClone() ?? new JObject { ["id"] = string.Empty },
            ["remoteIp"] = new JArray(ip),
            ["serviceName"] = Service,
            ["level"] = "USER",
            ["eventDate"] = when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["message"] = new JObject { ["localizableMessageCode"] = "AUDIT_" + action.ToUpperInvariant(), ["message"] = $"{action} {entityType} {entityName}" },
            ["action"] = action,
            ["entity"] = new JObject { ["id"] = entityId, ["name"] = entityName, ["selfUri"] = (entityType == "OAuthClient" ? "/api/v2/oauth/clients/" : "/api/v2/authorization/roles/") + entityId },
            ["entityType"] = entityType,
            ["status"] = "SUCCESS",
            ["application"] = string.Empty,
            ["initiatingAction"] = new JObject(),
            ["transactionInitiator"] = true,
            ["propertyChanges"] = new JArray(changes),
            ["context"] = new JObject(),
            ["entityChanges"] = new JArray(),
        };
    }

    private static string DeterministicId(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
