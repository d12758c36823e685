using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>One demand of a rule: its kind (the baseline key) and the value declared for it.</summary>
    public sealed class Demand
    {
        internal Demand(DemandKind kind, object value)
        {
            Kind = kind;
            Value = value;
        }

        public DemandKind Kind { get; }

        public string Key => Kind.Key;

        public object Value { get; }

        public override string ToString() => DisplayText.Visible($"{Key}: {Value}")!;
    }
}
