using System.Linq;
using BenchmarkDotNet.Attributes;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Benchmarks
{
    /// <summary>Judging every client of the synthetic organization by a 100-rule baseline (the evaluator built once, as an audit does).</summary>
    [MemoryDiagnoser]
    public class EvaluationBenchmarks
    {
        private Workload _workload = null!;
        private Baseline _baseline = null!;

        [Params(10_000)]
        public int Clients { get; set; } = 10_000;

        [Params(100)]
        public int Rules { get; set; } = 100;

        public Baseline Baseline => _baseline;

        [GlobalSetup]
        public void Setup()
        {
            _workload = Workload.Build(Clients);
            _baseline = SyntheticBaseline.Parse(Rules);
        }

        /// <summary>Every client judged; the number of outstanding findings.</summary>
        [Benchmark]
        public EvaluationTotals EvaluateAll()
        {
            var evaluator = new BaselineEvaluator(_baseline, new EvaluationContext(Workload.Now, _workload.Scopes));
            var totals = new EvaluationTotals();
            foreach (var client in _workload.Clients)
            {
                totals.Add(evaluator.Evaluate(client));
            }

            return totals;
        }

        /// <summary>The <see cref="ResultDigest"/> of every client's result: the same before and after a change that must not change verdicts.</summary>
        public string Digest()
        {
            var evaluator = new BaselineEvaluator(_baseline, new EvaluationContext(Workload.Now, _workload.Scopes));
            return ResultDigest.Of(_workload.Clients.Select(evaluator.Evaluate));
        }
    }
}
