using OAuthAudit.Engine.Connections;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// One side of a comparison as given: the path of a snapshot file, or a context (a snapshot or a live connection).
    /// SnapshotOrContextTransformation makes one from a string, a file object or a GcContext.
    /// </summary>
    public sealed class SnapshotOrContext
    {
        internal SnapshotOrContext(string path)
        {
            Path = path;
        }

        internal SnapshotOrContext(GcContext context)
        {
            Context = context;
        }

        /// <summary>The snapshot file's path as given (relative to the current location), or null for a context.</summary>
        public string? Path { get; }

        public GcContext? Context { get; }

        public override string ToString() => Path ?? Context!.ToString();
    }
}
