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
            _runspace = RunspaceFactory.CreateRunspace(Host, InitialSessionState.CreateDefault2());
            _runspace.Open();
            if (importModule)
            {
                Run("Import-Module $manifest -ErrorAction Stop", new Dictionary<string, object?> { ["manifest"] = RepositoryPaths.ModuleManifest }).ThrowIfFailed();
            }
        }

        public Runspace Runspace => _runspace;

        /// <summary>The console this session's Out-Default writes to.</summary>
        public CapturingHost Host { get; } = new CapturingHost();

        private const string TerminatingVariable = "__terminatingError";

        /// <summary>
        /// Runs a script; variables are set in the session first. A terminating error stops the script and is
        /// captured (a try/catch around it sees only terminating errors), never thrown.
        /// </summary>
        public ScriptResult Run(string script, Dictionary<string, object?>? variables = null)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            foreach (var variable in variables ?? new Dictionary<string, object?>())
            {
                _runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            }

            _runspace.SessionStateProxy.SetVariable(TerminatingVariable, null);
            shell.AddScript($"try {{\n{script}\n}} catch {{ ${TerminatingVariable} = $_ }}");
            var output = new List<PSObject>();
            ErrorRecord? terminating = null;
            try
            {
                output.AddRange(shell.Invoke());
                terminating = _runspace.SessionStateProxy.GetVariable(TerminatingVariable) as ErrorRecord;
            }
            catch (RuntimeException error)
            {
                terminating = error.ErrorRecord;
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
