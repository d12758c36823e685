using System;
using System.Collections.Generic;
using System.Text;

namespace OAuthAudit.Emulator.Endpoints;

/// <summary>RFC 7617 Basic credentials, with RFC 6749 §2.3.1 form-encoding of id and secret tolerated but not required.</summary>
internal static class BasicCredentials
{
    public static bool TryParse(string? header, out string clientId, out string secret)
    {
        clientId = secret = string.Empty;
        var parts = (header ?? string.Empty).Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1]));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = decoded[..colon];
        secret = decoded[(colon + 1)..];
        return true;
    }

    public static IEnumerable<string> Variants(string value)
    {
        yield return value;
        string unescaped;
        try
        {
            unescaped = Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            yield break;
        }

        if (unescaped != value)
        {
            yield return unescaped;
        }
    }
}
