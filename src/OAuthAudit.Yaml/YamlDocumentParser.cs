using System;
using System.IO;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>Turns baseline text into the root node of its one YAML document, or an error at the place YAML went wrong.</summary>
    internal static class YamlDocumentParser
    {
        public static YamlNode Parse(string yaml, BaselineContext context)
        {
            if (yaml.Length > BaselineLoader.MaximumSize)
            {
                throw context.Error(new Mark(0, 1, 1), $"the baseline is {yaml.Length:N0} characters long, more than the {BaselineLoader.MaximumSize / (1024 * 1024)} MiB a baseline may be.");
            }

            var stream = new YamlStream();
            try
            {
                YamlPreScan.Check(yaml, context);
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException invalid)
            {
                throw context.Error(invalid.Start, "not valid YAML: " + invalid.Message.TrimEnd('.') + ".", invalid);
            }
            catch (Exception failure) when (!(failure is FileFormatException))
            {
                // The pre-scan runs the same parser first, so this is not expected; but a bad file must never crash.
                throw context.Error(new Mark(0, 1, 1), "not valid YAML: " + failure.Message, failure);
            }

            if (stream.Documents.Count == 0 || (stream.Documents.Count == 1 && YamlValues.IsNull(stream.Documents[0].RootNode)))
            {
                throw context.Error(new Mark(0, 1, 1), $"the file holds no YAML document. A baseline starts with 'apiVersion: {Baseline.ApiVersion}' and 'kind: {Baseline.Kind}' (see samples/baseline-format.md).");
            }

            if (stream.Documents.Count > 1)
            {
                throw context.Error(stream.Documents[1].RootNode, YamlPreScan.MultipleDocuments);
            }

            return stream.Documents[0].RootNode;
        }
    }
}
