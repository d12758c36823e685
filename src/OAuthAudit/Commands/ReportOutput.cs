using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Where report files go and how they get there: paths resolved through PowerShell's FileSystem provider (relative
    /// to the current location; other providers refused), no file overwritten without -Force, the folder created, and
    /// each file written to a temporary file beside it and moved into place only when every report is complete, so an
    /// error or Ctrl+C never leaves half a report.
    /// </summary>
    internal static class ReportOutput
    {
        /// <summary>The writers of the formats given, in the table's order; every format when none is given. A format without a writer stops the command.</summary>
        public static IReadOnlyList<IReportWriter> Writers(PSCmdlet cmdlet, IReadOnlyCollection<ReportFormat>? formats)
        {
            if (formats == null)
            {
                return ReportWriters.All;
            }

            var missing = formats.Where(format => ReportWriters.All.All(writer => writer.Format != format)).Distinct().ToArray();
            if (missing.Length > 0)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"This version of OAuthAudit has no writer for the {string.Join(", ", missing)} format; it writes {string.Join(", ", ReportWriters.All.Select(writer => writer.Format))}.",
                    ErrorIds.ReportFormatUnknown, ErrorCategory.NotImplemented, string.Join(", ", missing), "Give -Format one of the formats this version writes, or update the module."));
            }

            return ReportWriters.All.Where(writer => formats.Contains(writer.Format)).ToArray();
        }

        /// <summary>A path the user gave, as a file system path; anything else stops the command with ReportPathInvalid.</summary>
        public static string Resolve(PSCmdlet cmdlet, string path, string parameter)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception unusable) when (unusable is SessionStateException || unusable is NotSupportedException || unusable is ArgumentException || unusable is PSInvalidOperationException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"{parameter} '{path}' is not a file system path: {unusable.Message}", ErrorIds.ReportPathInvalid, ErrorCategory.InvalidArgument, path,
                    "Give a file system path; a relative path is relative to the current location."));
                throw;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"{parameter} '{path}' is an item of the PowerShell {provider.Name} provider; reports are written only to the file system.",
                    ErrorIds.ReportPathInvalid, ErrorCategory.InvalidArgument, path, "Give a file system path, such as ./reports/oauth-audit.html or a full path."));
            }

            return resolved;
        }

        /// <summary>Stops the command with ReportExists when a target is already there and -Force was not given; a folder in the way is never replaced.</summary>
        public static void Check(PSCmdlet cmdlet, IReadOnlyList<ReportTarget> targets, bool force)
        {
            var twice = targets.GroupBy(target => target.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
            if (twice != null)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"The {string.Join(" and ", twice.Select(target => target.Writer.Format))} reports would both be written to '{twice.Key}'.",
                    ErrorIds.ReportPathInvalid, ErrorCategory.InvalidArgument, twice.Key, "Give formats whose extensions differ, or write them one at a time."));
            }

            foreach (var target in targets)
            {
                if (Directory.Exists(target.Path))
                {
                    cmdlet.ThrowTerminatingError(ErrorRecords.Create($"'{target.Path}' is a folder; a report is written to a file.", ErrorIds.ReportPathInvalid, ErrorCategory.InvalidArgument, target.Path,
                        $"Give a file name, such as {Path.Combine(target.Path, "oauth-audit" + target.Writer.Extension)}."));
                }

                if (!force && File.Exists(target.Path))
                {
                    cmdlet.ThrowTerminatingError(Exists(target.Path));
                }
            }
        }

        /// <summary>Writes every run into each target the user confirms (ShouldProcess) and returns the files written.</summary>
        public static IReadOnlyList<FileInfo> Write(PSCmdlet cmdlet, IReadOnlyList<ReportTarget> targets, IReadOnlyList<AuditRun> runs, bool force)
        {
            var confirmed = targets.Where(target => cmdlet.ShouldProcess(target.Path, $"Write the {target.Writer.Format} report")).ToArray();
            var staged = new List<(ReportTarget Target, string Temporary)>();
            var written = new List<FileInfo>();
            try
            {
                foreach (var target in confirmed)
                {
                    var folder = Path.GetDirectoryName(target.Path)!;
                    Attempt(cmdlet, target.Path, () => Directory.CreateDirectory(folder));
                    var temporary = Path.Combine(folder, "." + Path.GetFileName(target.Path) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
                    staged.Add((target, temporary));
                    Attempt(cmdlet, target.Path, () => Render(cmdlet, target, runs, temporary));
                }

                foreach (var (target, temporary) in staged)
                {
                    if (cmdlet.Stopping)
                    {
                        throw new PipelineStoppedException();
                    }

                    Attempt(cmdlet, target.Path, () => Place(cmdlet, temporary, target.Path, force));
                    written.Add(new FileInfo(target.Path));
                }
            }
            finally
            {
                foreach (var (_, temporary) in staged)
                {
                    TryDelete(temporary);
                }
            }

            return written;
        }

        public static ErrorRecord Exists(string path) =>
            ErrorRecords.Create(new IOException($"The report '{path}' exists already; it is not overwritten without -Force."), ErrorIds.ReportExists, ErrorCategory.ResourceExists, path,
                "Add -Force to overwrite it, or give another path.");

        private static void Render(PSCmdlet cmdlet, ReportTarget target, IReadOnlyList<AuditRun> runs, string temporary)
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                try
                {
                    target.Writer.Write(runs, stream);
                }
                catch (ArgumentException refused)
                {
                    // A writer refuses what its format cannot hold (e.g. several runs in one JSON document).
                    cmdlet.ThrowTerminatingError(ErrorRecords.Create(new InvalidOperationException($"The {target.Writer.Format} report '{target.Path}' was not written: {refused.Message}", refused),
                        ErrorIds.ReportNotWritten, ErrorCategory.InvalidArgument, target.Path,
                        "Export the results of each organization and baseline to a file of their own (Where-Object OrganizationId -eq <id>), or choose a format that holds several runs."));
                }

                stream.Flush(true);
            }
        }

        private static void Place(PSCmdlet cmdlet, string temporary, string path, bool force)
        {
            if (File.Exists(path))
            {
                if (!force)
                {
                    cmdlet.ThrowTerminatingError(Exists(path));
                }

                File.Replace(temporary, path, null);
                return;
            }

            try
            {
                File.Move(temporary, path);
            }
            catch (IOException) when (File.Exists(path) && !force)
            {
                cmdlet.ThrowTerminatingError(Exists(path));
            }
        }

        private static void Attempt(PSCmdlet cmdlet, string path, Action work)
        {
            try
            {
                work();
            }
            catch (Exception failed) when (failed is IOException || failed is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(new IOException($"The report '{path}' could not be written: {failed.Message}", failed), ErrorIds.ReportNotWritten,
                    failed is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path,
                    "Check that the folder exists or can be created, that this account may write there, and that there is space; then run the command again."));
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ignored) when (ignored is IOException || ignored is UnauthorizedAccessException)
            {
                // The temporary file is hidden and named as such; leaving it is better than hiding the first error.
            }
        }
    }
}
