using System.IO;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

public sealed class SnapshotTests
{
    private const string Snapshot = """
        {
          "schemaVersion": 1,
          "capturedAt": "2026-11-20T06:00:00Z",
          "environment": "mypurecloud.ie",
          "organization": { "id": "o1", "name": "Org", "selfUri": "/api/v2/organizations/o1" },
          "scopes": [ { "id": "analytics", "description": "Analytics", "selfUri": "/api/v2/oauth/scopes/analytics" } ],
          "clients": [ { "id": "c1", "name": "One", "dateCreated": "2024-03-01T09:30:00.000Z", "accessTokenValiditySeconds": 86400 } ]
        }
        """;

    [Fact]
    public void Reads_a_snapshot_keeping_dates_verbatim()
    {
        var organization = EmulatorOrganization.FromSnapshotJson(Snapshot);

        Assert.Equal("mypurecloud.ie", organization.Environment);
        Assert.Equal("2026-11-20T06:00:00Z", organization.CapturedAt);
        Assert.Equal("o1", (string?)organization.Organization["id"]);
        Assert.Single(organization.Scopes);
        var dateCreated = (JValue)organization.Clients[0]["dateCreated"]!;
        Assert.Equal(JTokenType.String, dateCreated.Type);
        Assert.Equal("2024-03-01T09:30:00.000Z", (string?)dateCreated);
        Assert.Empty(organization.Roles);
        Assert.Empty(organization.Divisions);
    }

    [Fact]
    public void Reads_a_snapshot_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Snapshot);
            Assert.Equal("c1", (string?)EmulatorOrganization.FromSnapshotFile(path).Clients[0]["id"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"schemaVersion":3,"organization":{},"scopes":[],"clients":[]}""")]
    [InlineData("""{"organization":{},"scopes":[],"clients":[]}""")]
    [InlineData("""{"schemaVersion":1,"scopes":[],"clients":[]}""")]
    [InlineData("""{"schemaVersion":1,"organization":{},"clients":[]}""")]
    [InlineData("""{"schemaVersion":1,"organization":{},"scopes":[],"clients":[1]}""")]
    [InlineData("[]")]
    public void Refuses_what_it_does_not_know(string json)
    {
        Assert.Throws<InvalidDataException>(() => EmulatorOrganization.FromSnapshotJson(json));
    }
}
