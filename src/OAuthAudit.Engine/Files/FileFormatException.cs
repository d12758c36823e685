using System;

namespace OAuthAudit.Engine.Files
{
    /// <summary>A file the module reads (a snapshot, a baseline) cannot be used: says which file, where in it, and what is wrong.</summary>
    public sealed class FileFormatException : Exception
    {
        public FileFormatException(string document, string path, int? line, int? column, string problem, Exception? inner = null)
            : base(Describe(document, path, line, column, problem), inner)
        {
            Document = document;
            Path = path;
            Line = line;
            Column = column;
            Problem = problem;
        }

        /// <summary>What kind of file: "Snapshot" or "Baseline".</summary>
        public string Document { get; }

        public string Path { get; }

        public int? Line { get; }

        public int? Column { get; }

        public string Problem { get; }

        private static string Describe(string document, string path, int? line, int? column, string problem) =>
            line.HasValue && line > 0
                ? $"{document} '{path}', line {line}, column {column}: {problem}"
                : $"{document} '{path}': {problem}";
    }
}
