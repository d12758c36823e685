using System;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Reads the API's JSON: unknown members are ignored (the API grows), dates are UTC.</summary>
    internal static class JsonBodies
    {
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
            DateParseHandling = DateParseHandling.DateTime,
            MaxDepth = 64,
        };

        /// <summary>For JSON objects kept as they are (snapshots): strings stay strings, even those that look like dates.</summary>
        private static readonly JsonSerializerSettings KeptSettings = new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
        };

        /// <summary>
        /// The body as T. Every way a hostile body can fail (wrong types, numbers out of range, a null inside a
        /// list the API fills with objects or values) is a JsonException whose message names the field.
        /// </summary>
        /// <exception cref="JsonException">The text is not JSON, or does not fit T.</exception>
        public static T Read<T>(string json)
            where T : class
        {
            T? value;
            try
            {
                value = JsonConvert.DeserializeObject<T>(json, KeepsJson(typeof(T)) ? KeptSettings : Settings);
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
