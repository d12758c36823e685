using System.Linq;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// One property of an OAuth client changed by one audited action: its values before and after. A value that
    /// may be a secret is never kept: the change is then only "(changed)".
    /// </summary>
    public sealed class OAuthClientPropertyChange
    {
        public const string Withheld = "(changed)";

        internal OAuthClientPropertyChange(string property, ValueList<string> oldValues, ValueList<string> newValues, bool withheld)
        {
            Property = property;
            OldValues = withheld ? ValueList<string>.Empty : oldValues;
            NewValues = withheld ? ValueList<string>.Empty : newValues;
            IsWithheld = withheld;
        }

        /// <summary>The API's property name (name, scope, roleDivisions, secret, ...).</summary>
        public string Property { get; }

        public ValueList<string> OldValues { get; }

        public ValueList<string> NewValues { get; }

        /// <summary>True when the values were left out because they may hold a secret.</summary>
        public bool IsWithheld { get; }

        /// <summary>Values in NewValues that OldValues lacks (a scope or role grant added).</summary>
        public ValueList<string> Added => ValueList.From(NewValues.Except(OldValues, System.StringComparer.Ordinal));

        public override string ToString() => DisplayText.Visible(IsWithheld
            ? $"{Property}: {Withheld}"
            : $"{Property}: {Show(OldValues)} -> {Show(NewValues)}")!;

        private static string Show(ValueList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values);
    }
}
