using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OAuthAudit.Module.Tests
{
    /// <summary>A real PowerShell runspace with the built module imported by its manifest.</summary>
    internal sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellSession(bool importModule = true)
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
            if (importModule)
            {
                Run("Import-Module $manifest -ErrorAction Stop", new Dictionary<string, object?> { ["manifest"] = RepositoryPaths.ModuleManifest }).ThrowIfFailed();
            }
        }

        public Runspace Runspace => _runspace;

        /// <summary>Runs a script; variables are set in the session first. A terminating error is captured, not thrown.</summary>
        public ScriptResult Run(string script, Dictionary<string, object?>? variables = null)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            foreach (var variable in variables ?? new Dictionary<string, object?>())
            {
                _runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            }

            shell.AddScript(script);
            var output = new List<PSObject>();
            Exception? terminating = null;
            try
            {
                output.AddRange(shell.Invoke());
            }
            catch (RuntimeException error)
            {
                terminating = error;
            }

            return new ScriptResult(
                output,
                shell.Streams.Error.ToList(),
                shell.Streams.Verbose.Select(record => record.Message).ToList(),
                shell.Streams.Debug.Select(record => record.Message).ToList(),
                shell.Streams.Warning.Select(record => record.Message).ToList(),
                shell.Streams.Progress.ToList(),
                terminating);
        }

        public void Dispose() => _runspace.Dispose();
    }
}
