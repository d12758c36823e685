using System;
using System.Text.RegularExpressions;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>A scope name or a wildcard pattern over scope names ("analytics*", "*:readonly"), case-insensitive.</summary>
    public sealed class ScopePattern
    {
        private static readonly Regex AllowedText = new Regex(@"^[A-Za-z0-9:_.\-*?]+$", RegexOptions.CultureInvariant);

        private readonly Wildcard _wildcard;

        public ScopePattern(string text)
        {
            if (!IsValid(text))
            {
                throw new ArgumentException($"'{text}' is not a scope name or pattern: scope names use letters, digits, ':', '-', '_' and '.', and patterns add '*' and '?'.", nameof(text));
            }

            Text = text;
            _wildcard = new Wildcard(text);
        }

        public string Text { get; }

        public static bool IsValid(string? text) => !string.IsNullOrEmpty(text) && AllowedText.IsMatch(text);

        public bool Matches(string scopeName) => _wildcard.IsMatch(scopeName);

        public override string ToString() => Text;
    }
}
