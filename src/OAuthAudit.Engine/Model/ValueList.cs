using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// A read-only list whose ToString() joins its items with "; ", so Export-Csv writes readable cells
    /// while the pipeline still sees a real list (-contains, indexing, Count).
    /// </summary>
    public sealed class ValueList<T> : IReadOnlyList<T>
    {
        public const string Separator = "; ";

        public static readonly ValueList<T> Empty = new ValueList<T>(new T[0]);

        private readonly T[] _items;

        public ValueList(IEnumerable<T> items)
        {
            _items = items.ToArray();
        }

        private ValueList(T[] items, bool owned)
        {
            _items = items;
        }

        public int Count => _items.Length;

        public T this[int index] => _items[index];

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        public override string ToString() => string.Join(Separator, _items.Select(item => item?.ToString()));

        /// <summary>A list of these items without copying them: for an array its maker fills and never touches again.</summary>
        internal static ValueList<T> Owning(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items, owned: true);
    }

    public static class ValueList
    {
        public static ValueList<T> From<T>(IEnumerable<T>? items) =>
            items == null ? ValueList<T>.Empty : new ValueList<T>(items);
    }
}
