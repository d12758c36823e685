using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Fetches a value once and keeps it; a failed or cancelled fetch is not kept, so the next caller tries again.</summary>
    internal sealed class AsyncOnce<T>
        where T : class
    {
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private T? _value;

        /// <summary>The value if it was fetched already; null otherwise (never starts a fetch).</summary>
        public T? Value => _value;

        public async Task<T> GetAsync(Func<Task<T>> fetch, CancellationToken cancellation)
        {
            if (_value != null)
            {
                return _value;
            }

            await _gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return _value ??= await fetch().ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
