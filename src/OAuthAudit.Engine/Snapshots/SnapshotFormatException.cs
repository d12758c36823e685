using System;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>A snapshot file cannot be used: says which file, where in it, and what is wrong.</summary>
    public sealed class SnapshotFormatException : Exception
    {
        public SnapshotFormatException(string path, int? line, int? column, string problem, Exception? inner = null)
            : base(Describe(path, line, column, problem), inner)
        {
            Path = path;
            Line = line;
            Column = column;
            Problem = problem;
        }

        public string Path { get; }

        public int? Line { get; }

        public int? Column { get; }

        public string Problem { get; }

        private static string Describe(string path, int? line, int? column, string problem) =>
            line.HasValue && line > 0
                ? $"Snapshot '{path}', line {line}, column {column}: {problem}"
                : $"Snapshot '{path}': {problem}";
    }
}
