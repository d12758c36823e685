using System.Management.Automation;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>The baseline a command was given: -Baseline (a file), -BaselineObject, or neither (the built-in one); never both.</summary>
    internal static class BaselineInput
    {
        public static Baseline Load(PSCmdlet cmdlet, string? path, Baseline? given)
        {
            if (path != null && given != null)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create("-Baseline and -BaselineObject both name a baseline; give one of them.", ErrorIds.ConflictingBaselines,
                    ErrorCategory.InvalidArgument, path, "Use -Baseline <file>, or -BaselineObject (Get-GcOAuthBaseline <file>), or neither for the built-in baseline."));
            }

            return given ?? (path != null ? InputFile.Baseline.Read(cmdlet, path, IsolatedDependencies.Baselines.ReadFile) : IsolatedDependencies.Baselines.BuiltIn);
        }
    }
}
