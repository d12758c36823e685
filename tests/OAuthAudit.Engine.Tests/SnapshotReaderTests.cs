using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class SnapshotReaderTests
    {
        private const string ValidSnapshot = """
            {
              "schemaVersion": 1,
              "capturedAt": "2026-11-20T06:00:00Z",
              "environment": "mypurecloud.ie",
              "organization": { "id": "org-1", "name": "Contoso", "thirdPartyOrgName": "contoso" },
              "scopes": [ { "id": "analytics", "description": "Manage analytics" }, { "id": "users:readonly", "description": "View users" } ],
              "clients": [
                { "id": "c1", "name": "Dashboard", "authorizedGrantType": "CODE", "state": "active", "scope": ["analytics", "retired-scope"], "secret": "s3cr3t-never-kept",
                  "dateCreated": "2024-03-11T14:22:05.123Z", "registeredRedirectUri": ["https://dash.example/cb"] },
                { "id": "c2", "name": "Sync", "authorizedGrantType": "CLIENT-CREDENTIALS", "roleDivisions": [ { "roleId": "r1", "divisionId": "*" } ] }
              ],
              "roles": [],
              "divisions": []
            }
            """;

        [Fact]
        public void Reads_organization_scopes_and_clients_in_the_api_shape()
        {
            using var files = new TempFiles();
            var snapshot = SnapshotReader.Read(files.Write("org.json", ValidSnapshot));

            Assert.Equal("Contoso", snapshot.Organization.Name);
            Assert.Equal(new DateTime(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc), snapshot.CapturedAt);
            Assert.Equal(DateTimeKind.Utc, snapshot.CapturedAt.Kind);
            Assert.Equal("mypurecloud.ie", snapshot.Environment);
            Assert.Equal(new[] { "analytics", "users:readonly" }, snapshot.Scopes.Select(scope => scope.Id));
            Assert.Equal(new[] { "c1", "c2" }, snapshot.Clients.Select(client => client.Id));
            Assert.Equal(new DateTime(2024, 3, 11, 14, 22, 5, 123, DateTimeKind.Utc), snapshot.Clients[0].DateCreated);
            Assert.Equal("*", snapshot.Clients[1].RoleDivisions!.Single().DivisionId);
        }

        [Fact]
        public async Task An_optional_permission_catalogue_is_read_in_the_api_shape_and_its_absence_is_said()
        {
            using var files = new TempFiles();
            var withCatalog = ValidSnapshot.Replace("\"divisions\": []", """
                "divisions": [],
                "permissions": [ { "domain": "oauth", "permissionMap": { "client": [ { "domain": "oauth", "entityType": "client", "action": "edit", "label": "Edit", "allowsConditions": false, "divisionAware": false } ] } } ]
                """);
            var host = new RecordingHost();
            var operation = new Operation(host, CancellationToken.None);

            var catalog = await new SnapshotOrganizationSource(SnapshotReader.Read(files.Write("with.json", withCatalog))).GetPermissionCatalogAsync(operation);
            var none = await new SnapshotOrganizationSource(SnapshotReader.Read(files.Write("without.json", ValidSnapshot))).GetPermissionCatalogAsync(operation);

            Assert.Equal(new[] { "oauth:client:edit" }, catalog!.Including("oauth:*:*"));
            Assert.False(catalog.IsDivisionAware("oauth:client:edit"));
            Assert.Null(none);
            Assert.Equal(
                new[]
                {
                    "Permission catalogue: 1 permissions (from the snapshot)",
                    "Permission catalogue: the snapshot has none, so a '*' in a role's permissions is not expanded to actions and whether a permission is limited to a grant's division is not known.",
                },
                host.Messages);
        }

        [Theory]
        [InlineData("[ { \"permissionMap\": {} } ]", "'permissions[0]' has no 'domain'")]
        [InlineData("[ { \"domain\": \"oauth\" } ]", "'permissions[0]' has no 'permissionMap'")]
        [InlineData("[ { \"domain\": \"oauth\", \"permissionMap\": { \"client\": \"edit\" } } ]", "'permissions[0].permissionMap.client' does not fit a DomainPermissionCollection")]
        [InlineData("{}", "'permissions' is a JSON object; an array expected")]
        public void Refuses_a_permission_catalogue_that_is_not_the_api_shape(string permissions, string problem)
        {
            using var files = new TempFiles();
            var path = files.Write("org.json", ValidSnapshot.Replace("\"divisions\": []", "\"divisions\": [],\n  \"permissions\": " + permissions));

            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(path));

            Assert.Contains(problem, error.Message);
        }

        private sealed class RecordingHost : IOperationHost
        {
            public List<string> Messages { get; } = new List<string>();

            public void Verbose(string message) => Messages.Add(message);

            public void Debug(string message)
            {
            }

            public T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
        }

        [Theory]
        [InlineData("""{ "schemaVersion": 1, "capturedAt": "2026-11-20T06:00:00Z", "organization": { "id": "o" }, "scopes": [], "clients": [], "extra": 1 }""", 1, "unknown key 'extra'")]
        [InlineData("{\n  \"schemaVersion\": 3,\n  \"capturedAt\": \"2026-11-20T06:00:00Z\", \"organization\": { \"id\": \"o\" }, \"scopes\": [], \"clients\": [] }", 2, "the file was written by a newer OAuthAudit; this version reads schemaVersion 1 to 2. Update the module")]
        [InlineData("{\n  \"schemaVersion\": 2,\n  \"capturedAt\": \"2026-11-20T06:00:00Z\", \"organization\": { \"id\": \"o\" }, \"scopes\": [], \"clients\": [] }", 1, "'(document)' has no 'kind'")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [ { \"id\": \"c\", \"name\": \"n\", \"authorizedGrantType\": \"IMPLICIT\" } ] }", 6, "authorizedGrantType 'IMPLICIT' is not one of CODE, TOKEN, SAML2-BEARER, PASSWORD, CLIENT-CREDENTIALS")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [ { \"id\": \"c\", \"authorizedGrantType\": \"CODE\", \"accessTokenValiditySeconds\": \"a day\" } ] }", 6, "'clients[0].accessTokenValiditySeconds' does not fit an OAuthClient")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [ { \"name\": \"n\", \"authorizedGrantType\": \"CODE\" } ] }", 6, "'clients[0]' has no 'id'")]
        [InlineData("{ \"schemaVersion\": 1, \"capturedAt\": \"2026-11-20T06:00:00Z\", \"scopes\": [], \"clients\": [] }", 1, "'(document)' has no 'organization' (an object expected)")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": {},\n \"clients\": [] }", 5, "'scopes' is a JSON object; an array expected")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"last tuesday\" }", 3, "'capturedAt' is a JSON string; an ISO-8601 date")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"schemaVersion\": 1 }", 3, "not valid JSON")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"clients\": [ }", 3, "not valid JSON")]
        [InlineData("[1, 2]", 1, "the document is a JSON Array")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [ { \"id\": \"c\", \"authorizedGrantType\": \"CLIENT-CREDENTIALS\", \"roleDivisions\": [ null ] } ] }", 6, "'clients[0].roleDivisions[0]' is a JSON null")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [ { \"id\": \"c\", \"authorizedGrantType\": \"CODE\", \"scope\": [ \"users\", null ] } ] }", 6, "'clients[0].scope[1]' is a JSON null")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [],\n \"roles\": [ { \"id\": \"r\", \"permissionPolicies\": [ null ] } ] }", 7, "'roles[0].permissionPolicies[0]' is a JSON null")]
        [InlineData("{\n \"schemaVersion\": 1,\n \"capturedAt\": \"2026-11-20T06:00:00Z\",\n \"organization\": { \"id\": \"o\" },\n \"scopes\": [],\n \"clients\": [ { \"id\": \"c\", \"authorizedGrantType\": \"CODE\" },\n  { \"id\": \"C\", \"authorizedGrantType\": \"TOKEN\" } ] }", 7, "client id 'C' appears twice in 'clients'")]
        public void Refuses_a_bad_snapshot_naming_line_and_problem(string json, int line, string problem)
        {
            using var files = new TempFiles();
            var path = files.Write("bad.json", json);

            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(path));

            Assert.Equal(path, error.Path);
            Assert.Equal(line, error.Line);
            Assert.Contains(problem, error.Message);
            Assert.StartsWith($"Snapshot '{path}', line {line}, column ", error.Message);
        }

        [Fact]
        public void A_missing_file_is_a_file_not_found()
        {
            using var files = new TempFiles();
            Assert.Throws<FileNotFoundException>(() => SnapshotReader.Read(Path.Combine(files.Folder, "absent.json")));
        }

        [Fact]
        public void The_demo_snapshot_is_valid()
        {
            var snapshot = SnapshotReader.Read(Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json"));

            Assert.Equal("Northwind Contact Center", snapshot.Organization.Name);
            Assert.Equal(40, snapshot.Clients.Count);
            Assert.Equal(115, snapshot.Scopes.Count);
        }
    }
}
