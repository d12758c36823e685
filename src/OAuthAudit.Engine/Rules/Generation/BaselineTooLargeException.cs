using System;
using OAuthAudit.Engine.Rules.Loading;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>A generated baseline would be larger than the reader reads, so it would never load; nothing is written.</summary>
    public sealed class BaselineTooLargeException : Exception
    {
        internal BaselineTooLargeException(int rules, int clients, int nodes, int bytes)
            : base($"A baseline of {rules} rules for {clients} clients would hold {nodes:N0} YAML nodes in {bytes:N0} bytes; a baseline may hold at most "
                + $"{BaselineLoader.MaximumNodes:N0} nodes and {BaselineLoader.MaximumSize / (1024 * 1024)} MiB, so it would not load. Group the clients into fewer rules.")
        {
            Rules = rules;
            Clients = clients;
            Nodes = nodes;
            Bytes = bytes;
        }

        public int Rules { get; }

        public int Clients { get; }

        public int Nodes { get; }

        public int Bytes { get; }
    }
}
