using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// Texts each kept once, ignoring case (the first spelling kept), in the order first added: what
    /// Distinct(StringComparer.OrdinalIgnoreCase) gives, without a set for the few texts a client usually has.
    /// </summary>
    internal struct DistinctTexts
    {
        private const int ListedAtMost = 8;

        private List<string>? _texts;
        private HashSet<string>? _seen;

        public void Add(string text)
        {
            if (_texts == null)
            {
                _texts = new List<string> { text };
                return;
            }

            if (_seen != null)
            {
                if (_seen.Add(text))
                {
                    _texts.Add(text);
                }

                return;
            }

            foreach (var known in _texts)
            {
                if (string.Equals(known, text, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            _texts.Add(text);
            if (_texts.Count > ListedAtMost)
            {
                _seen = new HashSet<string>(_texts, StringComparer.OrdinalIgnoreCase);
            }
        }

        public ValueList<string> ToList() => _texts == null ? ValueList<string>.Empty : ValueList<string>.Of(_texts.ToArray());
    }
}
