using System;
using OAuthAudit.Engine.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>The baseline being read: where it came from, and how a problem in it becomes a FileFormatException.</summary>
    internal sealed class BaselineContext
    {
        public const string Document = "Baseline";

        public BaselineContext(string source)
        {
            Source = source;
        }

        /// <summary>The file path, or "(built-in)".</summary>
        public string Source { get; }

        public FileFormatException Error(YamlNode at, string problem) => Error(at.Start, problem);

        public FileFormatException Error(Mark at, string problem, Exception? inner = null) =>
            new FileFormatException(Document, Source, (int)at.Line, (int)at.Column, problem, inner);
    }
}
