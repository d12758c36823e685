using System;
using OAuthAudit.Engine.Rules.Evaluation;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// One kind of demand a rule can make (requiredScopes, forbidAllDivisions, ...), named once in
    /// <see cref="DemandKinds"/>: its baseline key, the shape of its value, the check it creates and the plain
    /// value a baseline writer writes back.
    /// </summary>
    public abstract class DemandKind
    {
        private protected DemandKind(string key, DemandShape shape, RunData needs)
        {
            Key = key;
            Shape = shape;
            Needs = needs;
        }

        /// <summary>The key in a rule of a baseline.</summary>
        public string Key { get; }

        public DemandShape Shape { get; }

        /// <summary>The data beyond the client this demand needs (None for most).</summary>
        public RunData Needs { get; }

        /// <summary>How the "checks nothing" message names it: "forbidUnknownScopes: true" for a flag, the key otherwise.</summary>
        public string Hint => Shape == DemandShape.Flag ? Key + ": true" : Key;

        /// <summary>
        /// The value as a baseline writes it: a bool, an int, a string, a list of such values or a mapping
        /// (key/value pairs in key order).
        /// </summary>
        public abstract object Written(Demand demand);

        /// <summary>The check testing this demand of the rule; null when another demand of the rule's check covers it.</summary>
        internal abstract IRuleCheck? CreateCheck(Demand demand, BaselineRule rule);

        public override string ToString() => Key;
    }

    /// <summary>A demand kind whose value is a <typeparamref name="T"/>.</summary>
    public sealed class DemandKind<T> : DemandKind
        where T : notnull
    {
        private readonly Func<T, BaselineRule, IRuleCheck?> _check;
        private readonly Func<T, object> _written;
        private readonly Func<T, bool> _demandsSomething;

        internal DemandKind(string key, DemandShape shape, Func<T, BaselineRule, IRuleCheck?> check, Func<T, object> written, Func<T, bool>? demandsSomething = null, RunData needs = RunData.None)
            : base(key, shape, needs)
        {
            _check = check;
            _written = written;
            _demandsSomething = demandsSomething ?? (_ => true);
        }

        /// <summary>The demand of this kind with the value; null when the value demands nothing (a flag set to false).</summary>
        public Demand? Of(T value) => _demandsSomething(value) ? new Demand(this, value) : null;

        public T ValueOf(Demand demand) =>
            demand.Kind == this ? (T)demand.Value : throw new ArgumentException($"The demand is '{demand.Kind.Key}', not '{Key}'.", nameof(demand));

        public override object Written(Demand demand) => _written(ValueOf(demand));

        internal override IRuleCheck? CreateCheck(Demand demand, BaselineRule rule) => _check(ValueOf(demand), rule);
    }
}
