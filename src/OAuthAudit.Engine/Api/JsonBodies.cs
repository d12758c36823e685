using System;
using Newtonsoft.Json;

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

        /// <exception cref="JsonException">The text is not JSON, or does not fit T.</exception>
        public static T Read<T>(string json)
            where T : class
        {
            return JsonConvert.DeserializeObject<T>(json, Settings)
                ?? throw new JsonSerializationException("the body is empty or null");
        }

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
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
