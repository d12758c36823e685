using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace OAuthAudit.Emulator;

/// <summary>Thread-safe registry of the clients the login host knows, keyed by client id.</summary>
public sealed class EmulatorCredentials : IEnumerable<EmulatorCredential>
{
    private readonly ConcurrentDictionary<string, EmulatorCredential> _byId = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public EmulatorCredential Add(EmulatorCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!_byId.TryAdd(credential.ClientId, credential))
        {
            throw new ArgumentException($"A credential with client id '{credential.ClientId}' is already registered.", nameof(credential));
        }

        return credential;
    }

    public EmulatorCredential Add(params string[] permissions) => Add(new EmulatorCredential { Permissions = permissions });

    public bool Remove(string clientId) => _byId.TryRemove(clientId, out _);

    public bool TryGet(string clientId, [NotNullWhen(true)] out EmulatorCredential? credential) =>
        _byId.TryGetValue(clientId, out credential);

    public IEnumerator<EmulatorCredential> GetEnumerator() => _byId.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
