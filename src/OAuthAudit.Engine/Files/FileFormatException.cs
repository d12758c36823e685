using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Files
{
    /// <summary>A file the module reads (a snapshot, a baseline) cannot be used: says which file, where in it, and what is wrong.</summary>
    public sealed class FileFormatException : Exception
    {
        public FileFormatException(DocumentKind document, string path, int? line, int? column, string problem, Exception? inner = null)
            : base(Describe(document, path, line, column, problem), inner)
        {
            Document = document;
            Path = path;
            Line = line;
            Column = column;
            Problem = problem;
            Problems = new[] { this };
        }

        /// <summary>
        /// Several problems in one file, reported together: the first's file, line and column, a message with one
        /// line per problem shown (each naming file, line and column), and "... and N more" when total exceeds them.
        /// </summary>
        public FileFormatException(IReadOnlyList<FileFormatException> shown, int total)
            : base(DescribeAll(shown, total, message => message), shown[0].InnerException)
        {
            var first = shown[0];
            Document = first.Document;
            Path = first.Path;
            Line = first.Line;
            Column = first.Column;
            Problem = first.Problem;
            Problems = shown.ToArray();
            Total = total;
        }

        /// <summary>What kind of file: a snapshot, a baseline or an audit run.</summary>
        public DocumentKind Document { get; }

        public string Path { get; }

        public int? Line { get; }

        public int? Column { get; }

        /// <summary>The first (or only) problem.</summary>
        public string Problem { get; }

        /// <summary>Every problem shown in the message, in the order found; this exception alone when there is one.</summary>
        public IReadOnlyList<FileFormatException> Problems { get; }

        /// <summary>How many problems were found; more than Problems.Count when the rest were left out of the message.</summary>
        public int Total { get; } = 1;

        /// <summary>
        /// The message as it may be shown: each problem's text with control characters made visible (it quotes the
        /// file's own values), one line per problem.
        /// </summary>
        public string DisplayMessage => Problems.Count == 1 && Total == 1
            ? DisplayText.Visible(Message)!
            : DescribeAll(Problems, Total, DisplayText.Visible);

        private static string Describe(DocumentKind document, string path, int? line, int? column, string problem) =>
            line.HasValue && line > 0
                ? $"{Name(document)} '{path}', line {line}, column {column}: {problem}"
                : $"{Name(document)} '{path}': {problem}";

        private static string Name(DocumentKind document) => document == DocumentKind.AuditRun ? "Audit run" : document.ToString();

        private static string DescribeAll(IReadOnlyList<FileFormatException> shown, int total, Func<string, string?> show)
        {
            var lines = shown.Select(problem => show(problem.Message)!).ToList();
            if (total > shown.Count)
            {
                lines.Add($"... and {total - shown.Count} more.");
            }

            lines.Add($"{total} problems in all; fix each, then run the command again.");
            return string.Join(Environment.NewLine, lines);
        }
    }
}
