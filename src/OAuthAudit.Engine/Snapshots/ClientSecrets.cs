using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>A client's secret is never kept: an API (or an old file) that returns one has it dropped as it is read.</summary>
    internal static class ClientSecrets
    {
        public const string Field = "secret";

        /// <summary>Removes every property named secret (any case), at any depth of the object.</summary>
        /// <returns>The same object.</returns>
        public static JObject Drop(JObject client)
        {
            foreach (var property in client.Descendants().OfType<JProperty>().Where(property => string.Equals(property.Name, Field, StringComparison.OrdinalIgnoreCase)).ToArray())
            {
                property.Remove();
            }

            return client;
        }
    }
}
