using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Reads the API's JSON: unknown members are ignored (the API grows), dates are UTC.</summary>
    internal static class JsonBodies
    {
        public const int MaxDepth = 64;

        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
            DateParseHandling = DateParseHandling.DateTime,
            MaxDepth = MaxDepth,
        };

        /// <summary>For JSON objects kept as they are (snapshots): strings stay strings, even those that look like dates.</summary>
        private static readonly JsonSerializerSettings KeptSettings = new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = MaxDepth,
        };

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        private static readonly JsonSerializer KeptSerializer = JsonSerializer.Create(KeptSettings);

        /// <summary>
        /// The body as T. Every way a hostile body can fail (wrong types, numbers out of range, a null inside a
        /// list the API fills with objects or values) is a JsonException whose message names the field.
        /// </summary>
        /// <exception cref="JsonException">The text is not JSON, or does not fit T.</exception>
        public static T Read<T>(string json)
            where T : class
        {
            using (var text = new StringReader(json))
            {
                return Read<T>(text);
            }
        }

        /// <summary>The body of an answer as T, parsed from its bytes (see <see cref="Read{T}(string)"/>).</summary>
        public static T Read<T>(ApiResponse response)
            where T : class
        {
            using (var text = response.OpenBody())
            {
                return Read<T>(text);
            }
        }

        private static T Read<T>(TextReader text)
            where T : class
        {
            var keeps = KeepsJson(typeof(T));
            var reader = new JsonTextReader(text) { CloseInput = false };
            var read = keeps ? null : DtoReaders.For(typeof(T));
            T? value;
            try
            {
                if (read != null)
                {
                    // A hand-written reader: the same conversions, and a null inside a list refused where it is read.
                    JsonFields.Configure(reader);
                    return (T)(read(reader) ?? throw new JsonSerializationException("the body is empty or null"));
                }

                value = (keeps ? KeptSerializer : Serializer).Deserialize<T>(reader);
            }
            catch (Exception unfit) when (unfit is FormatException || unfit is OverflowException || unfit is InvalidCastException || unfit is ArgumentException)
            {
                throw new JsonSerializationException(unfit.Message, unfit);
            }

            if (value == null)
            {
                throw new JsonSerializationException("the body is empty or null");
            }

            var hole = NullElements.FirstIn(value);
            if (hole != null)
            {
                throw new JsonSerializationException($"'{hole}' is null where the API sends a value");
            }

            return value;
        }

        /// <summary>A JToken, or a type holding JTokens (EntityListingDto&lt;JObject&gt;): its JSON is kept as the API wrote it.</summary>
        private static bool KeepsJson(Type type) =>
            typeof(JToken).IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericArguments().Any(KeepsJson));

        public static T? TryRead<T>(string json)
            where T : class
        {
            try
            {
                return string.IsNullOrWhiteSpace(json) ? null : Read<T>(json);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
