using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>How one audit message becomes a change event: its kinds, its actor, and no secret value anywhere.</summary>
    public class ChangeEventTests
    {
        [Fact]
        public void A_secret_value_repeated_in_another_property_or_a_value_mentioning_a_secret_is_withheld_too()
        {
            var change = Event("Update",
                ("secret", new string[0], new[] { "S3cr3t-Value-123" }),
                ("description", new[] { "old" }, new[] { "rotated to S3cr3t-Value-123" }),
                ("notes", new string[0], new[] { "clientSecret=abc" }),
                ("name", new[] { "A" }, new[] { "B" }));

            Assert.Equal("secret: (changed); description: (changed); notes: (changed); name: A -> B", change.Properties.ToString());
            Assert.All(change.Properties.Take(3), property => Assert.True(property.IsWithheld && property.NewValues.Count == 0 && property.OldValues.Count == 0));
            Assert.Equal("secret regenerated, renamed", change.Kind);
            Assert.DoesNotContain("S3cr3t", change + " " + Newtonsoft.Json.JsonConvert.SerializeObject(change));
        }

        [Theory]
        [InlineData("Create", "name", "create")]
        [InlineData("Delete", "name", "delete")]
        [InlineData("Update", "roleDivisions", "roles changed")]
        [InlineData("Update", "scope", "scopes changed")]
        [InlineData("Update", "state", "state changed")]
        [InlineData("Update", "registeredRedirectUri", "redirect URIs changed")]
        [InlineData("Update", "authorizedGrantType", "grant type changed")]
        [InlineData("Update", "description", "update")]
        [InlineData("Rotate", "description", "secret regenerated")]
        [InlineData("Revoke", "description", "revoke")]
        public void The_kind_is_read_from_the_action_and_the_changed_property_names(string action, string property, string kind) =>
            Assert.Equal(kind, Event(action, (property, new[] { "a" }, new[] { "b" })).Kind);

        [Fact]
        public void Org_supplied_text_is_shown_with_control_characters_made_visible()
        {
            var change = Event("Update", ("name", new[] { "ok" }, new[] { "evil\u001b[2J" }), entityName: "Name\u202eevil");

            Assert.DoesNotContain('\u001b', change.ToString() + change.Properties);
            Assert.Contains(@"\u202e", change.ToString());
            Assert.Contains(@"\x1b[2J", change.Properties.ToString());
            Assert.Equal("Name\u202eevil", change.ClientName);
        }

        private static Model.OAuthClientChangeEvent Event(string action, params (string Property, string[] Old, string[] New)[] changes) =>
            Event(action, changes, "Client");

        private static Model.OAuthClientChangeEvent Event(string action, (string Property, string[] Old, string[] New) change, string entityName) =>
            Event(action, new[] { change }, entityName);

        private static Model.OAuthClientChangeEvent Event(string action, (string Property, string[] Old, string[] New)[] changes, string entityName) =>
            ChangeEvents.From(new[]
            {
                new AuditLogMessageDto
                {
                    Id = "m1",
                    EventDate = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc),
                    Action = action,
                    EntityType = "OAuthClient",
                    Entity = new DomainEntityRefDto { Id = "c1", Name = entityName },
                    User = new DomainEntityRefDto { Id = "u1", Name = "Dana" },
                    PropertyChanges = changes.Select(entry => new PropertyChangeDto { Property = entry.Property, OldValues = entry.Old.ToList(), NewValues = entry.New.ToList() }).ToList(),
                },
            }).Single();
    }
}
