using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// A permission "domain:entity:action" in which a whole part may be "*", as the API writes them
    /// ("oauth:client:*", "*:*:*"). A held permission grants it when each held part is "*" or the same part:
    /// so "*:*:*" grants "oauth:client:edit", "oauth:client:*" is granted only by roles holding every action
    /// on OAuth clients, and "*:*:*" only by the all-powerful permission itself.
    /// </summary>
    public sealed class PermissionPattern
    {
        private const string Any = "*";
        private static readonly Regex Part = new Regex(@"^([A-Za-z0-9_\-]+|\*)$", RegexOptions.CultureInvariant);

        private readonly string[] _parts;

        public PermissionPattern(string text)
        {
            if (!IsValid(text))
            {
                throw new ArgumentException($"'{text}' is not a permission: it has three parts, domain:entity:action, each a name of letters, digits, '_' and '-', or '*' for all (such as oauth:client:edit or authorization:*:*).", nameof(text));
            }

            Text = text;
            _parts = text.Split(':');
        }

        public string Text { get; }

        public static bool IsValid(string? text)
        {
            var parts = (text ?? string.Empty).Split(':');
            return parts.Length == 3 && parts.All(part => Part.IsMatch(part));
        }

        /// <summary>Whether holding this permission grants all of what the pattern names.</summary>
        public bool IsGrantedBy(string held)
        {
            var parts = held.Split(':');
            return parts.Length == 3 && parts.Select((part, index) => part == Any || string.Equals(part, _parts[index], StringComparison.OrdinalIgnoreCase)).All(granted => granted);
        }

        public override string ToString() => Text;
    }
}
