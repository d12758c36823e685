using System.IO;
using System.Management.Automation;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Hosting;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>Resolves a -Baseline path the PowerShell way (relative to $PWD) and loads it, or says what is wrong.</summary>
    internal static class BaselineFiles
    {
        public static Baseline Load(PSCmdlet cmdlet, string path)
        {
            var resolved = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(resolved))
            {
                var problem = Directory.Exists(resolved)
                    ? $"'{resolved}' is a folder; give the path of a baseline file such as samples/baseline.yml."
                    : $"There is no baseline file '{resolved}'.";
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException(problem, resolved), ErrorIds.BaselineNotFound, ErrorCategory.ObjectNotFound, path,
                    "Check the path; a relative path is relative to the current location. Without -Baseline the built-in baseline applies."));
            }

            try
            {
                return IsolatedDependencies.Baselines.ReadFile(resolved);
            }
            catch (FileFormatException invalid)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.FromFile(invalid));
                throw;
            }
            catch (IOException unreadable)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(unreadable, ErrorIds.BaselineNotFound, ErrorCategory.ReadError, path, "Check that the file can be read by this account."));
                throw;
            }
        }
    }
}
