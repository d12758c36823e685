using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Finds a null inside a list of a parsed API body (e.g. roleDivisions: [null]), by its JSON path.</summary>
    internal static class NullElements
    {
        private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Members =
            new ConcurrentDictionary<Type, (string, PropertyInfo)[]>();

        /// <returns>The JSON path of the first null list element, such as entities[3].roleDivisions[0]; null when there is none.</returns>
        /// <remarks>The path is built only for a hole found (a walk over a 10,000-client listing builds no string).</remarks>
        public static string? FirstIn(object body)
        {
            var hole = Walk(body);
            if (hole == null)
            {
                return null;
            }

            hole.Reverse();
            return string.Concat(hole).TrimStart('.');
        }

        /// <returns>The hole's path segments, innermost first (".name", "[3]"); null when there is none.</returns>
        private static List<string>? Walk(object node)
        {
            foreach (var (name, property) in MembersOf(node.GetType()))
            {
                var value = property.GetValue(node);
                var hole = value is string || value == null ? null : value is IList list ? InList(list) : IsDto(value.GetType()) ? Walk(value) : null;
                if (hole != null)
                {
                    hole.Add("." + name);
                    return hole;
                }
            }

            return null;
        }

        private static List<string>? InList(IList list)
        {
            for (var index = 0; index < list.Count; index++)
            {
                var item = list[index];
                var hole = item == null ? new List<string>() : IsDto(item.GetType()) ? Walk(item) : null;
                if (hole != null)
                {
                    hole.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                    return hole;
                }
            }

            return null;
        }

        private static bool IsDto(Type type) => type.Namespace == typeof(Dto.ErrorBodyDto).Namespace;

        private static (string Name, PropertyInfo Property)[] MembersOf(Type type) => Members.GetOrAdd(type, t => t.GetProperties()
            .Select(property => (Attribute: property.GetCustomAttribute<JsonPropertyAttribute>(), Property: property))
            .Where(member => member.Attribute?.PropertyName != null)
            .Select(member => (member.Attribute!.PropertyName!, member.Property))
            .ToArray());
    }
}
