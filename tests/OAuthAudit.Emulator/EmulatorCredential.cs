using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace OAuthAudit.Emulator;

/// <summary>An OAuth client that may ask the emulator's login host for a token. Id and secret default to random values.</summary>
public sealed class EmulatorCredential
{
    public static readonly IReadOnlyList<string> AuditorPermissions =
        ["oauth:client:view", "authorization:role:view", "authorization:division:view", "usage:organization:view", "audits:audit:view"];

    public string ClientId { get; init; } = Guid.NewGuid().ToString();

    public string Secret { get; init; } = RandomSecret();

    /// <summary><c>domain:entity:action</c>; a <c>*</c> segment matches anything.</summary>
    public IReadOnlyCollection<string> Permissions { get; init; } = [];

    public bool AllowClientCredentials { get; init; } = true;

    public static EmulatorCredential CreateAuditor() => new() { Permissions = AuditorPermissions.ToArray() };

    internal bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Secret));

    internal bool HasPermission(string required) => Permissions.Any(granted => PermissionMatches(granted, required));

    private static bool PermissionMatches(string granted, string required)
    {
        var grantedParts = granted.Split(':');
        var requiredParts = required.Split(':');
        if (grantedParts.Length != requiredParts.Length)
        {
            return false;
        }

        return grantedParts.Zip(requiredParts).All(p => p.First == "*" || string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }

    private static string RandomSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
