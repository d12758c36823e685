using System;
using System.Collections.Generic;

namespace OAuthAudit.Engine.Connections
{
    /// <summary>
    /// Connection options that cannot make a live connection. The message states the facts and names no cmdlet or
    /// parameter; the properties let the caller say which of its own inputs to fix. Never holds a secret or token.
    /// </summary>
    public sealed class ConnectionOptionsException : ArgumentException
    {
        public ConnectionOptionsException(ConnectionProblem problem, string message, CredentialSource source, Exception? inner = null)
            : base(message, inner)
        {
            Problem = problem;
            CredentialSource = source;
        }

        public ConnectionProblem Problem { get; }

        /// <summary>Where the credentials were to come from.</summary>
        public CredentialSource CredentialSource { get; }

        /// <summary>The environment variables that were needed and not set.</summary>
        public IReadOnlyList<string> MissingVariables { get; internal set; } = Array.Empty<string>();

        /// <summary>Both a region and an environment were given.</summary>
        public bool RegionAndEnvironment { get; internal set; }

        /// <summary>The region, domain or address the problem is about (the error's target).</summary>
        public object? Target { get; internal set; }
    }
}
