using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

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

        /// <summary>The most YAML nodes a baseline may hold (an alias counting every node of its anchor each time): YamlDotNet takes about a second per 10,000.</summary>
        public const int MaximumNodes = 10000;

        internal const string ResourceName = "OAuthAudit.Engine.Rules.Loading.default-baseline.yml";

        private readonly IBaselineParser _parser;
        private readonly Lazy<Baseline> _builtIn;

        public BaselineLoader(IBaselineParser parser)
        {
            _parser = parser;
            _builtIn = new Lazy<Baseline>(() =>
            {
                var text = BuiltInText();
                return Parse(text, BuiltInSource, Sha256Of(Encoding.UTF8.GetBytes(text)));
            });
        }

        public Baseline BuiltIn => _builtIn.Value;

        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        /// <exception cref="Files.FileFormatException">The file is not a valid baseline.</exception>
        public Baseline ReadFile(string path)
        {
            // The hash is of the bytes on disk, so a run names exactly the file it was judged by.
            var bytes = File.ReadAllBytes(path ?? throw new ArgumentNullException(nameof(path)));
            using (var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                return Parse(reader.ReadToEnd(), path, Sha256Of(bytes));
            }
        }

        /// <summary>Reads baseline text that is not a file (a baseline just written, checked before it is saved); source names it in errors.</summary>
        /// <exception cref="Files.FileFormatException">The text is not a valid baseline.</exception>
        public Baseline ReadText(string yaml, string source) =>
            Parse(yaml ?? throw new ArgumentNullException(nameof(yaml)), source, Sha256Of(new UTF8Encoding(false).GetBytes(yaml)));

        /// <summary>Lowercase hex SHA-256, as sha256sum and Get-FileHash (lowercased) show it.</summary>
        internal static string Sha256Of(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var text = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return text.ToString();
            }
        }

        internal static string BuiltInText()
        {
            using (var stream = typeof(BaselineLoader).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The engine assembly has no resource '{ResourceName}'; it was built without the default baseline."))
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }

        private Baseline Parse(string yaml, string source, string sha256)
        {
            using (var reader = new StringReader(yaml))
            {
                var baseline = _parser.Parse(reader, source);
                baseline.Sha256 = sha256;
                return baseline;
            }
        }
    }
}
