using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace OAuthAudit.Emulator;

/// <summary>Replaces the console lifetime so an emulator never hooks the test process's Ctrl+C or SIGTERM.</summary>
internal sealed class SilentHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
