using System;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>How a YAML node reads as a plain value: null, text, a bool, a whole number; and how to name what it is.</summary>
    internal static class YamlValues
    {
        private const string NullTag = "tag:yaml.org,2002:null";

        /// <summary>An unquoted ~, null or nothing at all (or a !!null tag): no value.</summary>
        public static bool IsNull(YamlNode node)
        {
            if (!(node is YamlScalarNode scalar))
            {
                return false;
            }

            return !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific
                ? scalar.Tag.Value == NullTag
                : scalar.Style == ScalarStyle.Plain && IsNullWord(scalar.Value);
        }

        /// <summary>What a node is, for "… is X; Y expected" messages.</summary>
        public static string Describe(YamlNode node) => node switch
        {
            YamlSequenceNode _ => "a list",
            YamlMappingNode _ => "a mapping",
            YamlScalarNode scalar when IsNull(scalar) => "empty",
            YamlScalarNode scalar => $"'{Shorten(scalar.Value ?? string.Empty)}'",
            _ => "an alias",
        };

        public static string Text(YamlScalarNode scalar) => scalar.Value ?? string.Empty;

        public static bool TryBool(YamlScalarNode scalar, out bool value)
        {
            switch (Text(scalar))
            {
                case "true":
                case "True":
                case "TRUE":
                    value = true;
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        /// <summary>Digits only (an optional sign), within the range of an int: no decimals, exponents or hex.</summary>
        public static bool TryWholeNumber(YamlScalarNode scalar, out int value) =>
            int.TryParse(Text(scalar), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        private static bool IsNullWord(string? value) =>
            value == null || value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL";

        private static string Shorten(string value)
        {
            var line = value.Replace("\r", string.Empty).Replace("\n", " ");
            return line.Length <= 60 ? line : line.Substring(0, 57) + "...";
        }
    }
}
