using System;
using System.Collections;
using System.Collections.Concurrent;
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
        public static string? FirstIn(object body) => Walk(body, string.Empty);

        private static string? Walk(object node, string path)
        {
            foreach (var (name, property) in MembersOf(node.GetType()))
            {
                var value = property.GetValue(node);
                var here = path.Length == 0 ? name : path + "." + name;
                var hole = value is string || value == null ? null : value is IList list ? InList(list, here) : IsDto(value.GetType()) ? Walk(value, here) : null;
                if (hole != null)
                {
                    return hole;
                }
            }

            return null;
        }

        private static string? InList(IList list, string path)
        {
            for (var index = 0; index < list.Count; index++)
            {
                var item = list[index];
                var here = $"{path}[{index}]";
                if (item == null)
                {
                    return here;
                }

                var hole = IsDto(item.GetType()) ? Walk(item, here) : null;
                if (hole != null)
                {
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
