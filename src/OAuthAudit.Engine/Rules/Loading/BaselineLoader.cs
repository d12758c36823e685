using System;
using System.IO;

namespace OAuthAudit.Engine.Rules.Loading
{
    /// <summary>
    /// Reads baselines: files, and the one built into the module (default-baseline.yml, the seeds of a sane
    /// Genesys Cloud OAuth policy), parsed once since a Baseline cannot be changed.
    /// </summary>
    public sealed class BaselineLoader
    {
        /// <summary>Baseline.Source of the built-in baseline.</summary>
        public const string BuiltInSource = "(built-in)";

        /// <summary>The largest baseline read, in bytes of a file or characters of text: a hundred times any real baseline.</summary>
        public const int MaximumSize = 1024 * 1024;

        internal const string ResourceName = "OAuthAudit.Engine.Rules.Loading.default-baseline.yml";

        private readonly IBaselineParser _parser;
        private readonly Lazy<Baseline> _builtIn;

        public BaselineLoader(IBaselineParser parser)
        {
            _parser = parser;
            _builtIn = new Lazy<Baseline>(() => Parse(BuiltInText(), BuiltInSource));
        }

        public Baseline BuiltIn => _builtIn.Value;

        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        /// <exception cref="Files.FileFormatException">The file is not a valid baseline.</exception>
        public Baseline ReadFile(string path) => Parse(File.ReadAllText(path ?? throw new ArgumentNullException(nameof(path))), path);

        internal static string BuiltInText()
        {
            using (var stream = typeof(BaselineLoader).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The engine assembly has no resource '{ResourceName}'; it was built without the default baseline."))
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }

        private Baseline Parse(string yaml, string source)
        {
            using (var reader = new StringReader(yaml))
            {
                return _parser.Parse(reader, source);
            }
        }
    }
}
