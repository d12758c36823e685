using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Emulator;

namespace OAuthAudit.Module.Tests
{
    /// <summary>The emulator serving an organization, and a PowerShell session with the module imported.</summary>
    internal sealed class LiveOrganization : IAsyncDisposable
    {
        /// <summary>Connects with the variables <see cref="Variables"/> sets; retries stay short so fault tests are quick.</summary>
        public const string Connect =
            "Connect-GcOrganization -ClientId $clientId -ClientSecret $secret -LoginBaseUri $login -ApiBaseUri $api -MaxRetryWait 0.2";

        /// <summary>
        /// The emulator serves from this process, so its handlers share one thread pool with the module's requests (a
        /// real API server has its own): with the pool's two threads of a two-core machine busy, the server would start
        /// a request late and the log would show a round trip the module never waited through.
        /// </summary>
        static LiveOrganization()
        {
            ThreadPool.GetMinThreads(out var workers, out var completions);
            ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completions, 32));
        }

        private LiveOrganization(GenesysCloudEmulator emulator)
        {
            Emulator = emulator;
        }

        public GenesysCloudEmulator Emulator { get; }

        public PowerShellSession Shell { get; } = new PowerShellSession();

        public static async Task<LiveOrganization> StartAsync(EmulatorOrganization? organization = null) =>
            new LiveOrganization(await GenesysCloudEmulator.StartAsync(organization ?? DemoOrganization()));

        public static EmulatorOrganization DemoOrganization() => EmulatorOrganization.FromSnapshotFile(RepositoryPaths.DemoSnapshot);

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var character in text)
            {
                secure.AppendChar(character);
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>
        /// $clientId, $secret (a SecureString), $login and $api for the given credential (the auditor by default),
        /// and $revokeTokens, which expires every issued token when invoked.
        /// </summary>
        public Dictionary<string, object?> Variables(EmulatorCredential? credential = null)
        {
            var who = credential ?? Emulator.Auditor;
            return new Dictionary<string, object?>
            {
                ["clientId"] = who.ClientId,
                ["secret"] = Secure(who.Secret),
                ["login"] = Emulator.LoginBaseUri,
                ["api"] = Emulator.ApiBaseUri,
                ["revokeTokens"] = new Action(Emulator.RevokeAllTokens),
            };
        }

        /// <summary>Runs a script with the connection variables set.</summary>
        public ScriptResult Run(string script, EmulatorCredential? credential = null) => Shell.Run(script, Variables(credential));

        /// <summary>Connects as the auditor, then runs the script.</summary>
        public ScriptResult RunConnected(string script) => Run(Connect + " | Out-Null\n" + script);

        public async ValueTask DisposeAsync()
        {
            Shell.Dispose();
            await Emulator.DisposeAsync();
            ReadOnlyGuard.Verify(Emulator);
        }
    }
}
