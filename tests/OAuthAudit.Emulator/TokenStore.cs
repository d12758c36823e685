using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Threading;

namespace OAuthAudit.Emulator;

internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _everIssued = new();
    private int _issued;

    public int IssuedCount => Volatile.Read(ref _issued);

    /// <summary>Every token ever issued, revoked ones included: what a leak scan looks for.</summary>
    public IReadOnlyList<string> EverIssued => _everIssued.ToArray();

    public string Issue(EmulatorCredential credential, DateTimeOffset expiresAt)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = new IssuedToken(credential, expiresAt);
        _everIssued.Enqueue(token);
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool TryValidate(string token, DateTimeOffset now, [NotNullWhen(true)] out EmulatorCredential? credential)
    {
        credential = null;
        if (!_tokens.TryGetValue(token, out var issued) || now >= issued.ExpiresAt)
        {
            return false;
        }

        credential = issued.Credential;
        return true;
    }

    public void RevokeAll() => _tokens.Clear();

    private sealed record IssuedToken(EmulatorCredential Credential, DateTimeOffset ExpiresAt);
}
