using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Emulator;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Several emulated organizations (each the demo organization under its own id and name, on its own emulator) and
    /// one PowerShell session connected to all of them as $o0, $o1, ...; every emulator's request log starts empty.
    /// </summary>
    internal sealed class OrganizationFleet : IAsyncDisposable
    {
        private OrganizationFleet(IReadOnlyList<GenesysCloudEmulator> emulators)
        {
            Emulators = emulators;
        }

        public IReadOnlyList<GenesysCloudEmulator> Emulators { get; }

        public PowerShellSession Shell { get; } = new PowerShellSession();

        public static async Task<OrganizationFleet> StartAsync(params string[] names)
        {
            var emulators = new List<GenesysCloudEmulator>();
            foreach (var name in names)
            {
                var organization = Seeded();
                organization.Organization["id"] = Guid.NewGuid().ToString();
                organization.Organization["name"] = name;
                emulators.Add(await GenesysCloudEmulator.StartAsync(organization));
            }

            var fleet = new OrganizationFleet(emulators);
            fleet.Run(string.Join("\n", emulators.Select((_, index) =>
                $"$o{index} = Connect-GcOrganization -ClientId $clientId{index} -ClientSecret $secret{index} -LoginBaseUri $login{index} -ApiBaseUri $api{index} -MaxRetryWait 0.2"))).ThrowIfFailed();

            // Each connection's listing read when connecting is taken here, so that the audits under test read their
            // listings themselves (meeting the faults and latency the tests set now) and their requests show in the log.
            fleet.Run(string.Join("\n", emulators.Select((_, index) => $"Get-GcOAuthClient -Context $o{index} | Out-Null"))).ThrowIfFailed();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (emulators.Any(emulator => emulator.InFlightRequestCount > 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            foreach (var emulator in emulators)
            {
                emulator.ClearRequests();
            }

            return fleet;
        }

        /// <summary>Runs a script with $clientId0, $secret0, $login0, $api0, ... set for every organization.</summary>
        public ScriptResult Run(string script, Dictionary<string, object?>? extra = null)
        {
            var variables = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>());
            for (var index = 0; index < Emulators.Count; index++)
            {
                var emulator = Emulators[index];
                variables[$"clientId{index}"] = emulator.Auditor.ClientId;
                variables[$"secret{index}"] = LiveOrganization.Secure(emulator.Auditor.Secret);
                variables[$"login{index}"] = emulator.LoginBaseUri;
                variables[$"api{index}"] = emulator.ApiBaseUri;
            }

            return Shell.Run(script, variables);
        }

        /// <summary>
        /// True when a request of one emulator was in flight for at least 20 ms while a request of the other was (with
        /// 50 ms latency or more, requests sent together overlap by about the latency; a request sent just after another
        /// was answered may overlap its bookkeeping by a fraction of a millisecond, which does not count).
        /// </summary>
        public static bool Overlap(GenesysCloudEmulator one, GenesysCloudEmulator other)
        {
            var margin = Stopwatch.Frequency / 50;
            return one.Requests.Any(first => other.Requests.Any(second =>
                Math.Min(first.FinishedTicks ?? long.MaxValue, second.FinishedTicks ?? long.MaxValue) - Math.Max(first.StartedTicks, second.StartedTicks) > margin));
        }

        public async ValueTask DisposeAsync()
        {
            Shell.Dispose();
            foreach (var emulator in Emulators)
            {
                await emulator.DisposeAsync();
                ReadOnlyGuard.Verify(emulator);
            }
        }

        /// <summary>The demo organization with the usage UsageCommandTests seeds (three clients never used, one idle since 100 days).</summary>
        private static EmulatorOrganization Seeded()
        {
            var organization = LiveOrganization.DemoOrganization();
            foreach (var client in organization.Clients)
            {
                organization.Usage[(string)client["id"]!] = (string?)client["name"] switch
                {
                    "Legacy Reporting Scripts" or "Load Test Harness" or "Old Call Recorder Bridge" => UsageSeed.Never,
                    "Salesforce Data Sync" => new UsageSeed(200, 100, 30),
                    _ => new UsageSeed(200, 0, 10),
                };
            }

            return organization;
        }
    }
}
