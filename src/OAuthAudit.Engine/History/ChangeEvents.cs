using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.History
{
    /// <summary>
    /// Turns checked audit messages into change events. No secret value survives: a property whose name mentions a
    /// secret is only "(changed)", and so is any other property whose values mention a secret or repeat a value
    /// a secret property held.
    /// </summary>
    internal static class ChangeEvents
    {
        /// <param name="messages">Messages checked by AuditQueryRunner (id, eventDate, entity id, action present).</param>
        public static IReadOnlyList<OAuthClientChangeEvent> From(IEnumerable<AuditLogMessageDto> messages)
        {
            var all = messages.ToArray();
            var names = LatestNames(all);
            return all.Select(message => From(message, names)).ToArray();
        }

        private static OAuthClientChangeEvent From(AuditLogMessageDto message, IReadOnlyDictionary<string, string> names)
        {
            var clientId = message.Entity!.Id!;
            var (byName, byId, byType) = Actor(message);
            var properties = Properties(message.PropertyChanges ?? new List<PropertyChangeDto>());
            return new OAuthClientChangeEvent(
                message.Id!,
                new UtcTimestamp(message.EventDate!.Value),
                clientId,
                NonEmpty(message.Entity.Name) ?? (names.TryGetValue(clientId, out var name) ? name : null),
                message.Action!,
                ChangeKinds.Of(message.Action!, properties.Select(change => change.Property)),
                byName,
                byId,
                byType,
                properties,
                ValueList.From((message.RemoteIp ?? new List<string>()).Where(ip => !string.IsNullOrEmpty(ip))),
                message.ServiceName ?? string.Empty);
        }

        private static ValueList<OAuthClientPropertyChange> Properties(IReadOnlyList<PropertyChangeDto> changes)
        {
            var secrets = changes.Where(change => ChangeKinds.IsSecretProperty(change.Property ?? string.Empty))
                .SelectMany(change => Values(change.OldValues).Concat(Values(change.NewValues)))
                .Where(value => value.Length >= 4)
                .ToArray();
            return ValueList.From(changes.Select(change =>
            {
                var property = NonEmpty(change.Property) ?? "(unnamed)";
                var oldValues = Values(change.OldValues);
                var newValues = Values(change.NewValues);
                var withheld = ChangeKinds.IsSecretProperty(property) || oldValues.Concat(newValues).Any(value => MayHoldSecret(value, secrets));
                return new OAuthClientPropertyChange(property, ValueList.From(oldValues), ValueList.From(newValues), withheld);
            }));
        }

        private static bool MayHoldSecret(string value, IReadOnlyList<string> secrets) =>
            value.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0 || secrets.Any(secret => value.IndexOf(secret, StringComparison.Ordinal) >= 0);

        private static (string? Name, string? Id, string? Type) Actor(AuditLogMessageDto message)
        {
            if (NonEmpty(message.User?.Id) is string userId)
            {
                return (NonEmpty(message.User!.Name), userId, "User");
            }

            if (NonEmpty(message.Client?.Id) is string clientId)
            {
                return (null, clientId, "OAuthClient");
            }

            return (null, null, null);
        }

        /// <summary>For messages whose entity carries no name: the newest name the history itself gives the client.</summary>
        private static IReadOnlyDictionary<string, string> LatestNames(IEnumerable<AuditLogMessageDto> messages)
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var message in messages.OrderBy(message => message.EventDate))
            {
                var name = NonEmpty(message.Entity!.Name)
                    ?? (message.PropertyChanges ?? new List<PropertyChangeDto>())
                        .Where(change => string.Equals(change.Property, "name", StringComparison.OrdinalIgnoreCase))
                        .Select(change => Values(change.NewValues).FirstOrDefault())
                        .FirstOrDefault(value => value != null);
                if (name != null)
                {
                    names[message.Entity.Id!] = name;
                }
            }

            return names;
        }

        private static string[] Values(List<string>? values) => (values ?? new List<string>()).Where(value => value != null).ToArray();

        private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
