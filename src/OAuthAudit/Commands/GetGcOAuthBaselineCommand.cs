using System.Management.Automation;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Hosting;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>Loads and checks a baseline file (or the built-in baseline), for inspection or reuse with -BaselineObject.</summary>
    [Cmdlet(VerbsCommon.Get, "GcOAuthBaseline")]
    [OutputType(typeof(Baseline))]
    public sealed class GetGcOAuthBaselineCommand : GcCmdlet
    {
        /// <summary>The baseline file; the built-in baseline when not given.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateText(4096)]
        public string? Path { get; set; }

        protected override void ProcessRecord()
        {
            var baseline = Path == null ? IsolatedDependencies.Baselines.BuiltIn : InputFile.Baseline.Read(this, Path, IsolatedDependencies.Baselines.ReadFile);
            WriteVerbose($"Baseline '{baseline.Name}' from {baseline.Source}: {baseline.Rules.Count} rules, {baseline.Waivers.Count} waivers.");
            WriteObject(baseline);
        }
    }
}
