using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Typed reads of an audit-run document's fields, each problem a FileFormatException at the line and column of
    /// the value (or of the object that lacks it), naming its JSON path. Every field of the format is required (an
    /// absent value is written as null), so a missing one means the document is incomplete.
    /// </summary>
    internal sealed class RunDocumentFields
    {
        private readonly string _path;

        public RunDocumentFields(string path)
        {
            _path = path;
        }

        public FileFormatException Error(JToken at, string problem)
        {
            var line = (IJsonLineInfo)at;
            return new FileFormatException(DocumentKind.AuditRun, _path, line.HasLineInfo() ? line.LineNumber : (int?)null, line.HasLineInfo() ? line.LinePosition : (int?)null, problem);
        }

        public JToken Present(JObject parent, string key, string expected)
        {
            if (!parent.TryGetValue(key, StringComparison.Ordinal, out var value))
            {
                throw Error(parent, $"'{Where(parent)}' has no '{key}' ({expected} expected). Every field of an audit-run document is written, null when absent, so the document is incomplete or not an audit run; write the report again.");
            }

            return value;
        }

        public JObject Object(JObject parent, string key) => Present(parent, key, "an object") as JObject ?? throw Wrong(parent[key]!, "an object");

        public JArray Array(JObject parent, string key) => Present(parent, key, "an array") as JArray ?? throw Wrong(parent[key]!, "an array");

        public string String(JObject parent, string key) => NullableString(parent, key) ?? throw Wrong(parent[key]!, "a string");

        public string? NullableString(JObject parent, string key)
        {
            var value = Present(parent, key, "a string");
            return value.Type == JTokenType.Null ? null
                : value.Type == JTokenType.String ? (string)value!
                : throw Wrong(value, "a string");
        }

        public bool Boolean(JObject parent, string key)
        {
            var value = Present(parent, key, "true or false");
            return value.Type == JTokenType.Boolean ? (bool)value : throw Wrong(value, "true or false");
        }

        public int Count(JObject parent, string key)
        {
            var value = Present(parent, key, "a whole number");
            if (value.Type != JTokenType.Integer)
            {
                throw Wrong(value, "a whole number");
            }

            var number = (long)value;
            return number >= 0 && number <= int.MaxValue ? (int)number : throw Error(value, $"'{Where(value)}' is {number}; a count from 0 to {int.MaxValue} expected.");
        }

        public UtcTimestamp Time(JObject parent, string key) => NullableTime(parent, key) ?? throw Wrong(parent[key]!, "a time such as 2026-12-01T20:00:00Z");

        /// <summary>Exactly as the writer writes times (ISO-8601 UTC to the second, with Z), so a document read and written again is the same.</summary>
        public UtcTimestamp? NullableTime(JObject parent, string key)
        {
            var value = Present(parent, key, "a time");
            if (value.Type == JTokenType.Null)
            {
                return null;
            }

            if (value.Type == JTokenType.String
                && DateTime.TryParseExact((string)value!, UtcTimestamp.IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                return new UtcTimestamp(DateTime.SpecifyKind(time, DateTimeKind.Utc));
            }

            throw Wrong(value, "a time such as 2026-12-01T20:00:00Z (UTC to the second, with Z)");
        }

        /// <summary>An enum value by its exact name (never a number, never another case).</summary>
        public T Enum<T>(JObject parent, string key)
            where T : struct
        {
            var value = Present(parent, key, "one of " + Names<T>());
            return EnumValue<T>(value);
        }

        public T? NullableEnum<T>(JObject parent, string key)
            where T : struct
        {
            var value = Present(parent, key, "one of " + Names<T>() + ", or null");
            return value.Type == JTokenType.Null ? (T?)null : EnumValue<T>(value);
        }

        public ValueList<string> Strings(JObject parent, string key)
        {
            var array = Array(parent, key);
            return ValueList.From(array.Select(item => item.Type == JTokenType.String ? (string)item! : throw Error(item, $"'{Where(item)}' is {Describe(item)}; every entry of '{key}' is a string.")).ToArray());
        }

        public IEnumerable<JObject> Objects(JObject parent, string key)
        {
            foreach (var item in Array(parent, key))
            {
                yield return item as JObject ?? throw Error(item, $"'{Where(item)}' is {Describe(item)}; every entry of '{key}' is an object.");
            }
        }

        public static string Where(JToken token) => token.Path.Length == 0 ? "(document)" : token.Path;

        private T EnumValue<T>(JToken value)
            where T : struct
        {
            if (value.Type == JTokenType.String && System.Enum.IsDefined(typeof(T), (string)value!))
            {
                return (T)System.Enum.Parse(typeof(T), (string)value!);
            }

            throw Error(value, $"'{Where(value)}' is {Describe(value)}; one of {Names<T>()} expected.");
        }

        private FileFormatException Wrong(JToken value, string expected) => Error(value, $"'{Where(value)}' is {Describe(value)}; {expected} expected.");

        private static string Names<T>() => string.Join(", ", System.Enum.GetNames(typeof(T)));

        private static string Describe(JToken value) => value.Type switch
        {
            JTokenType.Null => "null",
            JTokenType.String => "the string " + Shown((string)value!),
            JTokenType.Integer or JTokenType.Float or JTokenType.Boolean => "the JSON value " + value.ToString(Formatting.None),
            _ => "a JSON " + value.Type.ToString().ToLowerInvariant(),
        };

        // A value from the file is quoted shortened; the exception's DisplayMessage makes control characters visible.
        private static string Shown(string text) => "\"" + (text.Length > 80 ? text.Substring(0, 80) + "\u2026" : text) + "\"";
    }
}
