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
            var read = HandReader<T>();
            if (read != null)
            {
                return Guarded(() => ReadUtf8<T>(read, new ResponseBody(json).Utf8()));
            }

            using (var text = new StringReader(json))
            {
                return Read<T>(text);
            }
        }

        /// <summary>The body of an answer as T, parsed from its bytes (see <see cref="Read{T}(string)"/>).</summary>
        public static T Read<T>(ApiResponse response)
            where T : class
        {
            var read = HandReader<T>();
            if (read != null)
            {
                return Guarded(() => ReadUtf8<T>(read, response.Utf8Body()));
            }

            using (var text = response.OpenBody())
            {
                return Read<T>(text);
            }
        }

        /// <summary>The hand-written reader of T's body (the largest bodies, read by <see cref="Utf8JsonTokenizer"/>), or null.</summary>
        private static Func<Utf8JsonTokenizer, object?>? HandReader<T>() => KeepsJson(typeof(T)) ? null : DtoReaders.For(typeof(T));

        /// <summary>The same conversions as the serializer, a null inside a list refused where it is read, and strict JSON.</summary>
        private static T ReadUtf8<T>(Func<Utf8JsonTokenizer, object?> read, ArraySegment<byte> utf8)
            where T : class =>
            (T)(read(new Utf8JsonTokenizer(utf8.Array!, utf8.Offset, utf8.Count)) ?? throw new JsonSerializationException("the body is empty or null"));

        private static T Read<T>(TextReader text)
            where T : class
        {
            var keeps = KeepsJson(typeof(T));
            var reader = new JsonTextReader(text) { CloseInput = false };
            var value = Guarded(() => (keeps ? KeptSerializer : Serializer).Deserialize<T>(reader));
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

        /// <summary>A conversion or decoding failure is a JsonException too, so that every unfit body fails the same way.</summary>
        private static T Guarded<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (Exception unfit) when (unfit is FormatException || unfit is OverflowException || unfit is InvalidCastException || unfit is ArgumentException)
            {
                throw new JsonSerializationException(unfit.Message, unfit);
            }
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
