using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>
    /// The baseline being read: where it came from, how a problem in it becomes a FileFormatException, and the
    /// problems found so far, so that one read reports every mistake it can reach rather than only the first.
    /// </summary>
    internal sealed class BaselineContext
    {
        public const DocumentKind Document = DocumentKind.Baseline;

        /// <summary>How many problems one error message lists; the rest are counted.</summary>
        public const int MaxShown = 20;

        private readonly List<FileFormatException> _problems = new List<FileFormatException>();

        public BaselineContext(string source)
        {
            Source = source;
        }

        /// <summary>The file path, or "(built-in)".</summary>
        public string Source { get; }

        /// <summary>How many problems have been collected.</summary>
        public int ProblemCount { get; private set; }

        public FileFormatException Error(YamlNode at, string problem) => Error(at.Start, problem);

        public FileFormatException Error(Mark at, string problem, Exception? inner = null) =>
            new FileFormatException(Document, Source, (int)at.Line, (int)at.Column, problem, inner);

        /// <summary>Records a problem and goes on reading.</summary>
        public void Report(FileFormatException problem)
        {
            ProblemCount++;
            if (_problems.Count < MaxShown)
            {
                _problems.Add(problem);
            }
        }

        /// <summary>Runs one independent part of the read; a problem in it is recorded and fallback returned.</summary>
        public T Try<T>(Func<T> read, T fallback)
        {
            try
            {
                return read();
            }
            catch (FileFormatException problem)
            {
                Report(problem);
                return fallback;
            }
        }

        public void Try(Action read) => Try<object?>(() => { read(); return null; }, null);

        /// <summary>Throws when anything was recorded: the one problem as it is, or all of them in one exception.</summary>
        public void ThrowIfAny()
        {
            if (ProblemCount == 0)
            {
                return;
            }

            // In the order found: a mapping's unknown keys first, then its keys as read, which is mostly document order.
            throw ProblemCount == 1 ? _problems[0] : new FileFormatException(_problems, ProblemCount);
        }
    }
}
