using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Combines audit runs (run documents, merged documents, or AuditRun and AuditRunSet objects) into one
    /// AuditRunSet: one run per organization, with totals. Every file is read and checked before anything is
    /// merged; a bad file or two runs of one organization stop the command, so a merged report never silently lacks
    /// or double-counts an organization. It writes no file: pipe the set to Export-GcOAuthAuditReport.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "GcOAuthAuditRun", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(AuditRunSet))]
    public sealed class MergeGcOAuthAuditRunCommand : GcCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string InputObjectSet = "InputObject";

        private readonly List<MergeInput> _inputs = new List<MergeInput>();
        private readonly HashSet<string> _files = new HashSet<string>(StringComparer.Ordinal);
        private int _objects;

        /// <summary>Run documents or merged documents; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateText(4096)]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Run documents taken as named (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateText(4096)]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>AuditRun objects (Invoke-GcOAuthAudit), AuditRunSet objects (an earlier merge) or files (Get-ChildItem) of run documents.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Of two runs of one organization keep the one that finished last, instead of refusing the merge.</summary>
        [Parameter]
        public SwitchParameter KeepLatest { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    foreach (var path in Path)
                    {
                        foreach (var file in Expand(path))
                        {
                            ReadFile(file);
                        }
                    }

                    break;
                case LiteralPathSet:
                    foreach (var path in LiteralPath)
                    {
                        ReadFile(path);
                    }

                    break;
                default:
                    foreach (var item in InputObject)
                    {
                        Take(item);
                    }

                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (_inputs.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create("No audit run was given, so there is nothing to merge.", ErrorIds.NoAuditResults, ErrorCategory.InvalidData, null,
                    "Give run documents with -Path (such as ./runs/*.json), or pipe the runs of Invoke-GcOAuthAudit."));
            }

            AuditRunSet set;
            try
            {
                set = RunMerge.Merge(_inputs, KeepLatest ? DuplicateRuns.KeepLatest : DuplicateRuns.Refuse, WriteVerbose);
            }
            catch (DuplicateRunException duplicate)
            {
                ThrowTerminatingError(ErrorRecords.Create(duplicate, ErrorIds.AuditRunDuplicate, ErrorCategory.InvalidData, duplicate.OrganizationId, duplicate.IsTie
                    ? "Give only one of the two runs of that organization."
                    : "Give only one run per organization, or add -KeepLatest to keep the run that finished last."));
                throw;
            }

            WriteVerbose($"Merged {_inputs.Count} run(s) into {set.Organizations} organization(s), {set.Summary.Clients} client result(s): {set.Summary}.");
            WriteObject(set);
        }

        /// <summary>The files a -Path names, its wildcards expanded through the FileSystem provider; a path that matches nothing stops the command.</summary>
        private IEnumerable<string> Expand(string path)
        {
            Collection<string> files;
            ProviderInfo provider;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException missing)
            {
                ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException(
                    WildcardPattern.ContainsWildcardCharacters(path) ? $"No run document matches '{path}'." : $"There is no run document '{path}'.", path, missing),
                    ErrorIds.AuditRunNotFound, ErrorCategory.ObjectNotFound, path,
                    "Check the path; a relative path is relative to the current location. Write run documents with Invoke-GcOAuthAudit -OutputPath <folder> -Format Json."));
                throw;
            }
            catch (Exception unusable) when (unusable is SessionStateException || unusable is NotSupportedException || unusable is ArgumentException || unusable is PSInvalidOperationException)
            {
                ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException($"'{path}' is not a path to a run document: {unusable.Message}", path, unusable),
                    ErrorIds.AuditRunNotFound, ErrorCategory.ObjectNotFound, path, "Give a file system path, such as ./runs/*.json."));
                throw;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.Create($"'{path}' is an item of the PowerShell {provider.Name} provider, not a file; a run document is read only from the file system.",
                    ErrorIds.AuditRunInvalid, ErrorCategory.InvalidArgument, path, "Give a file system path, such as ./runs/*.json."));
            }

            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                return files;
            }

            // A wildcard also matches folders; they hold no run, so only files are taken from a pattern.
            var matched = files.Where(file => !Directory.Exists(file)).ToArray();
            if (matched.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException($"No run document matches '{path}'.", path), ErrorIds.AuditRunNotFound, ErrorCategory.ObjectNotFound, path,
                    "Check the path; a relative path is relative to the current location. Write run documents with Invoke-GcOAuthAudit -OutputPath <folder> -Format Json."));
            }

            return matched;
        }

        private void ReadFile(string path)
        {
            var runs = InputFile.AuditRun.Read(this, path, AuditRunReader.Read);
            var full = System.IO.Path.GetFullPath(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            if (!_files.Add(full))
            {
                WriteVerbose($"'{full}' was named twice; it is read once.");
                return;
            }

            WriteVerbose($"Read '{full}': {runs.Count} run(s).");
            for (var index = 0; index < runs.Count; index++)
            {
                _inputs.Add(new MergeInput(runs[index], runs.Count == 1 ? $"'{full}'" : $"run {index + 1} of '{full}'"));
            }
        }

        private void Take(object item)
        {
            _objects++;
            var value = PipelineInput.BaseOf(item);
            switch (value)
            {
                case AuditRun run:
                    _inputs.Add(new MergeInput(run, $"run object {_objects}"));
                    break;
                case AuditRunSet set:
                    for (var index = 0; index < set.Runs.Count; index++)
                    {
                        _inputs.Add(new MergeInput(set.Runs[index], $"run {index + 1} of merged object {_objects}"));
                    }

                    break;
                case FileInfo file:
                    ReadFile(file.FullName);
                    break;
                default:
                    ThrowTerminatingError(Unsupported(item));
                    break;
            }
        }

        private static ErrorRecord Unsupported(object item)
        {
            var deserialized = PipelineInput.DeserializedTypeOf(item);
            var why = deserialized != null
                ? $"a deserialized {deserialized} (from Import-Clixml or a remote session) is a copy of its properties, not a run that can be checked"
                : PipelineInput.BaseOf(item) is string
                    ? "a path given as -InputObject is only text; run documents are read with -Path"
                    : $"{PipelineInput.TypeNameOf(item)} is neither an AuditRun, an AuditRunSet nor a file";
            return ErrorRecords.Create($"Merge-GcOAuthAuditRun cannot merge this input: {why}. Nothing was merged.", ErrorIds.MergeInputUnsupported, ErrorCategory.InvalidType, item,
                "Pipe the runs of Invoke-GcOAuthAudit, the set of an earlier Merge-GcOAuthAuditRun or the files of Get-ChildItem, or give run documents with -Path.");
        }
    }
}
