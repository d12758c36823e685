using System;
using System.Linq;
using System.Management.Automation;

namespace OAuthAudit.Validation
{
    /// <summary>What an object a command cannot take from the pipeline is, for the error that refuses it.</summary>
    internal static class PipelineInput
    {
        private const string DeserializedPrefix = "Deserialized.";

        /// <summary>The object itself, unwrapped from its PSObject.</summary>
        public static object BaseOf(object item) => (item as PSObject)?.BaseObject ?? item;

        /// <summary>The type PowerShell shows for the object (its first type name).</summary>
        public static string TypeNameOf(object item) => (item as PSObject)?.TypeNames.FirstOrDefault() ?? item.GetType().FullName!;

        /// <summary>The original type of a deserialized copy (Import-Clixml, a remote session); null for anything else.</summary>
        public static string? DeserializedTypeOf(object item)
        {
            var typeName = TypeNameOf(item);
            return (item as PSObject)?.BaseObject is PSCustomObject && typeName.StartsWith(DeserializedPrefix, StringComparison.Ordinal)
                ? typeName.Substring(DeserializedPrefix.Length)
                : null;
        }
    }
}
