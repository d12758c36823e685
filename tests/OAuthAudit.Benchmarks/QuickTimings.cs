using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Benchmarks
{
    /// <summary>
    /// --quick [clients]: each benchmark body timed with a stopwatch (best of five after a warm-up), wall and process CPU time, with the bytes it
    /// allocated: a rough figure in seconds, not BenchmarkDotNet's statistics.
    /// </summary>
    internal static class QuickTimings
    {
        public static void Run(int clients)
        {
            var listing = new ListingBenchmarks { Clients = clients };
            listing.Setup();
            var evaluation = new EvaluationBenchmarks { Clients = clients };
            evaluation.Setup();
            Console.WriteLine($"{clients} clients, {SyntheticOrganization.RoleCount} roles, {evaluation.Baseline.Rules.Count} rules; listing JSON {Workload.Build(1).ClientListingJson.Length} chars for one client");
            Time("ParseListing", () => listing.ParseListing());
            Time("BuildRegistries", () => listing.BuildRegistries());
            Time("ResolveClients", () => listing.ResolveClients());
            Time("EvaluateAll", () => evaluation.EvaluateAll());
            Console.WriteLine("Results digest: " + evaluation.Digest());
        }

        private static void Time(string name, Func<object> body)
        {
            var result = body();
            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            long allocated = 0;
            for (var run = 0; run < 5; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = body();
                watch.Stop();
                bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,9:0.0} ms wall {2,9:0.0} ms CPU {3,9:0.0} MB allocated  {4}", name, best, bestCpu, allocated / 1048576.0, Describe(result)));
        }

        private static string Describe(object result) =>
            result is System.Collections.ICollection collection ? $"{collection.Count} items" : result.ToString() ?? string.Empty;
    }
}
