using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Everything a script run produced, stream by stream.</summary>
    internal sealed class ScriptResult
    {
        public ScriptResult(List<PSObject> output, List<ErrorRecord> errors, List<string> verbose, List<string> debug, List<string> warnings, List<ProgressRecord> progress, ErrorRecord? terminating)
        {
            Output = output;
            Errors = errors;
            Verbose = verbose;
            Debug = debug;
            Warnings = warnings;
            Progress = progress;
            Terminating = terminating;
        }

        public List<PSObject> Output { get; }

        public List<ErrorRecord> Errors { get; }

        public List<string> Verbose { get; }

        public List<string> Debug { get; }

        public List<string> Warnings { get; }

        public List<ProgressRecord> Progress { get; }

        public ErrorRecord? Terminating { get; }

        /// <summary>The terminating error's record, else the first non-terminating one.</summary>
        public ErrorRecord? FirstError => Terminating ?? Errors.FirstOrDefault();

        public IEnumerable<ErrorRecord> AllErrors =>
            Errors.Concat(Terminating == null ? Array.Empty<ErrorRecord>() : new[] { Terminating });

        /// <summary>Every piece of text the run produced, for scanning for secrets.</summary>
        public IEnumerable<string> AllText()
        {
            foreach (var item in Output)
            {
                yield return item.ToString();
                foreach (var property in item.Properties)
                {
                    object? value;
                    try
                    {
                        value = property.Value;
                    }
                    catch (GetValueInvocationException)
                    {
                        continue;
                    }

                    yield return value?.ToString() ?? string.Empty;
                }
            }

            foreach (var error in AllErrors)
            {
                yield return error.ToString();
                yield return error.Exception.ToString();
                yield return error.ErrorDetails?.Message ?? string.Empty;
                yield return error.ErrorDetails?.RecommendedAction ?? string.Empty;
                yield return error.TargetObject?.ToString() ?? string.Empty;
                yield return error.FullyQualifiedErrorId;
            }

            foreach (var line in Verbose.Concat(Debug).Concat(Warnings))
            {
                yield return line;
            }

            foreach (var record in Progress)
            {
                yield return record.Activity + " " + record.StatusDescription;
            }
        }

        public ScriptResult ThrowIfFailed()
        {
            var error = FirstError;
            if (error != null)
            {
                throw new InvalidOperationException($"Script failed: {error.FullyQualifiedErrorId}: {error}");
            }

            return this;
        }
    }
}
