using System;
using System.IO;

namespace OAuthAudit.Engine.Rules.Loading
{
    /// <summary>The baseline built into the module (default-baseline.yml): the seeds of a sane Genesys Cloud OAuth policy.</summary>
    public static class DefaultBaseline
    {
        /// <summary>Baseline.Source of the built-in baseline.</summary>
        public const string Source = "(built-in)";

        internal const string ResourceName = "OAuthAudit.Engine.Rules.Loading.default-baseline.yml";

        private static readonly Lazy<Baseline> Loaded = new Lazy<Baseline>(Read);

        /// <summary>The built-in baseline, read once (a Baseline cannot be changed, so it is shared).</summary>
        public static Baseline Load() => Loaded.Value;

        internal static string ReadText()
        {
            using (var stream = typeof(DefaultBaseline).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The engine assembly has no resource '{ResourceName}'; it was built without the default baseline."))
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }

        private static Baseline Read()
        {
            using (var reader = new StringReader(ReadText()))
            {
                return BaselineReader.Read(reader, Source);
            }
        }
    }
}
