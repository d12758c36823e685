using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OAuthAudit.Benchmarks;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// Each benchmark of tests/OAuthAudit.Benchmarks run once on a small synthetic organization, its answer checked, so a
    /// benchmark that breaks or measures nothing fails here (BenchmarkDotNet itself runs only by hand). The evaluation
    /// of that organization is also pinned: the compiled matchers and remembered role facts give, field for field, the
    /// verdicts the engine gave before they were compiled.
    /// </summary>
    public class BenchmarkSmokeTests
    {
        private const int Clients = 2000;

        /// <summary>ResultDigest of the 2,000-client synthetic organization by the 100-rule synthetic baseline, computed with the engine before matchers were compiled (main at f6baea3).</summary>
        private const string DigestBeforeCompilation = "0813ecbeceb3647b818f42cf14dcd174e4cd037fb47feb7e1c566a5b97185a9d";

        private static readonly Lazy<EvaluationBenchmarks> Evaluation = new Lazy<EvaluationBenchmarks>(() =>
        {
            var benchmarks = new EvaluationBenchmarks { Clients = Clients };
            benchmarks.Setup();
            return benchmarks;
        });

        // Every kind the synthetic baseline's demands can find on this organization without usage or history.
        private static readonly FindingKind[] ExpectedKinds =
        {
            FindingKind.ForbiddenScope, FindingKind.ExcessiveScope, FindingKind.MissingScope, FindingKind.ImpliedScope, FindingKind.TokenLifetime,
            FindingKind.InsecureRedirectUri, FindingKind.WildcardRedirectUri, FindingKind.LocalhostRedirectUri, FindingKind.DisallowedState,
            FindingKind.UnknownScope, FindingKind.MissingRole, FindingKind.ForbiddenRole, FindingKind.ForbiddenPermission, FindingKind.DisallowedDivision,
            FindingKind.AllDivisionsGrant, FindingKind.PrivilegeEscalation, FindingKind.UnknownRole, FindingKind.UnknownDivision,
            FindingKind.DeprecatedGrantType, FindingKind.SuspiciousText,
        };

        /// <summary>What each benchmark must return; a benchmark without an entry here fails the test.</summary>
        private static readonly Dictionary<string, Action<object>> Expected = new Dictionary<string, Action<object>>
        {
            ["ListingBenchmarks.ParseListing"] = result => Assert.Equal(Clients, (int)result),
            ["ListingBenchmarks.BuildRegistries"] = result =>
            {
                var registry = (AuthorizationRegistry)result;
                var grant = registry.Resolve(new RoleDivision("r-00042-0000-4000-8000-000000000042", "d-00003-0000-4000-8000-000000000003"));
                Assert.True(grant.IsKnownRole && grant.IsKnownDivision, grant.ToString());
                Assert.NotEmpty(grant.Permissions);
            },
            ["ListingBenchmarks.ResolveClients"] = result =>
            {
                var clients = (IReadOnlyList<OAuthClient>)result;
                Assert.Equal(Clients, clients.Count);
                Assert.Contains(clients, client => client.IsClientCredentials && client.Roles.Any(grant => grant.IsKnownRole && grant.Permissions.Count > 0));
                Assert.Contains(clients, client => client.AuthorizedGrantType == GrantTypes.Code && client.Scopes.Count > 0 && client.RegisteredRedirectUri.Count > 0);
                Assert.Contains(clients, client => client.AuthorizedGrantType == GrantTypes.Saml2Bearer);
                Assert.Contains(clients, client => client.UnknownScopes.Count > 0);
            },
            ["EvaluationBenchmarks.EvaluateAll"] = result =>
            {
                var totals = (EvaluationTotals)result;
                Assert.Equal(Clients, totals.Results);
                Assert.True(totals.Outcomes.GetValueOrDefault(Outcome.Fail) > Clients / 2, totals.ToString());
                Assert.True(totals.Waived > 0, totals.ToString());
                var missing = ExpectedKinds.Where(kind => !totals.Kinds.ContainsKey(kind)).ToArray();
                Assert.True(missing.Length == 0, "No finding of kind " + string.Join(", ", missing));
            },
        };

        [Fact]
        public void Every_benchmark_runs_once_and_returns_what_it_measures()
        {
            var benchmarks = typeof(Workload).Assembly.GetTypes()
                .SelectMany(type => type.GetMethods().Where(method => method.GetCustomAttribute<BenchmarkAttribute>() != null).Select(method => (Type: type, Method: method)))
                .ToArray();
            Assert.True(benchmarks.Length >= 4, $"{benchmarks.Length} benchmarks found");

            foreach (var type in benchmarks.Select(benchmark => benchmark.Type).Distinct())
            {
                var instance = type == typeof(EvaluationBenchmarks) ? Evaluation.Value : Prepared(type);
                foreach (var method in benchmarks.Where(benchmark => benchmark.Type == type).Select(benchmark => benchmark.Method))
                {
                    var name = $"{type.Name}.{method.Name}";
                    Assert.True(Expected.TryGetValue(name, out var expected), $"Benchmark {name} has no expected result in BenchmarkSmokeTests.Expected.");
                    expected!(method.Invoke(instance, null)!);
                }
            }
        }

        [Fact]
        public void The_synthetic_baseline_mixes_the_demand_kinds()
        {
            var keys = SyntheticBaseline.DemandKeys(Evaluation.Value.Baseline);

            Assert.Equal(100, Evaluation.Value.Baseline.Rules.Count);
            Assert.True(keys.Count >= 18, string.Join(", ", keys));
        }

        [Fact]
        public void Compiled_evaluation_gives_the_verdicts_of_the_engine_before_compilation()
        {
            var digest = Evaluation.Value.Digest();

            // A deliberate change of verdicts, messages or waivers changes it: then take the new value from
            // `dotnet run -c Release --project tests/OAuthAudit.Benchmarks -- --quick 2000` and say why in the commit.
            Assert.True(digest == DigestBeforeCompilation, $"The synthetic organization's results digest is {digest}, not {DigestBeforeCompilation}: some verdict, message or waiver changed.");
        }

        [Fact]
        public void Judging_a_client_by_100_rules_allocates_tens_of_kilobytes_not_megabytes()
        {
            var benchmarks = Evaluation.Value;
            benchmarks.EvaluateAll();

            var before = GC.GetAllocatedBytesForCurrentThread();
            var totals = benchmarks.EvaluateAll();
            var perClient = (GC.GetAllocatedBytesForCurrentThread() - before) / totals.Results;

            // About 40 KB with its ~18 findings; before the matchers were compiled it was about 3.4 MB.
            Assert.True(perClient < 100_000, $"{perClient:N0} bytes per client");
        }

        [Fact]
        public void One_evaluator_judging_clients_on_several_threads_gives_the_same_verdicts()
        {
            var workload = Workload.Build(600);
            var baseline = Evaluation.Value.Baseline;
            var alone = ResultDigest.Of(workload.Clients.Select(new BaselineEvaluator(baseline, new EvaluationContext(Workload.Now, workload.Scopes)).Evaluate).ToArray());
            var shared = new BaselineEvaluator(baseline, new EvaluationContext(Workload.Now, workload.Scopes));

            var results = new ClientAuditResult[workload.Clients.Count];
            Parallel.For(0, workload.Clients.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index => results[index] = shared.Evaluate(workload.Clients[index]));

            Assert.Equal(alone, ResultDigest.Of(results));
        }

        private static object Prepared(Type type)
        {
            var instance = Activator.CreateInstance(type)!;
            type.GetProperty("Clients")?.SetValue(instance, Clients);
            foreach (var setup in type.GetMethods().Where(method => method.GetCustomAttribute<GlobalSetupAttribute>() != null))
            {
                setup.Invoke(instance, null);
            }

            return instance;
        }
    }
}
