using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>One value read from a baseline, with the node it came from (for errors) and its path ("spec.rules[0].names[1]").</summary>
    internal sealed class YamlItem
    {
        public YamlItem(YamlNode node, string path, string text)
        {
            Node = node;
            Path = path;
            Text = text;
        }

        public YamlNode Node { get; }

        public string Path { get; }

        public string Text { get; }
    }
}
