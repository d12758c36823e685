using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Keeps one connection's concurrent API requests inside its rate limit: at most <see cref="MaxInFlight"/> at once,
    /// and none sent while the window the API reports (inin-ratelimit-allowed, -count, -reset) would be used up by
    /// the requests already counted plus those still in flight; those wait for the window to reset. A 429 that
    /// comes anyway (another client sharing the limit) is the transport's to retry.
    /// </summary>
    internal sealed class RateLimitGate
    {
        public const int MaxInFlight = 16;

        private readonly object _lock = new object();
        private readonly SemaphoreSlim _slots = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        private const long Unknown = 0;
        private static readonly TimeSpan AnswerPoll = TimeSpan.FromMilliseconds(20);

        private readonly TimeSpan _maxHold;
        private int _inFlight;
        private int? _allowed;
        private int _used;
        private long _windowEnds;

        /// <param name="maxHold">The longest a window is waited for after an answer (as a Retry-After is capped): a claimed long window never hangs the caller.</param>
        public RateLimitGate(TimeSpan maxHold)
        {
            _maxHold = maxHold;
        }

        /// <summary>Waits for a free slot inside the limit, then counts the request as in flight; dispose the result when it is answered.</summary>
        public async Task<IDisposable> EnterAsync(ApiRequestDescription description, Operation operation)
        {
            await _slots.WaitAsync(operation.Cancellation).ConfigureAwait(false);
            try
            {
                for (;;)
                {
                    TimeSpan hold;
                    var reported = true;
                    int used, allowed;
                    lock (_lock)
                    {
                        var now = Stopwatch.GetTimestamp();
                        if (_windowEnds != Unknown && now >= _windowEnds)
                        {
                            // The window reported last has ended; the next one starts with the next request.
                            _used = 0;
                            _windowEnds = Unknown;
                        }

                        if (!_allowed.HasValue || _used + _inFlight < _allowed.Value)
                        {
                            _inFlight++;
                            return new Exit(this);
                        }

                        // Full: until the reported window ends, or (a new window, all of it in flight) until an answer tells more.
                        reported = _windowEnds != Unknown;
                        hold = reported ? TimeSpan.FromSeconds((_windowEnds - now) / (double)Stopwatch.Frequency) : AnswerPoll;
                        used = _used + _inFlight;
                        allowed = _allowed.Value;
                    }

                    if (reported)
                    {
                        operation.Host.Verbose($"{description} waits {hold.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s for the rate limit window to reset ({used} of {allowed} requests used or in flight)");
                    }

                    await Task.Delay(hold, operation.Cancellation).ConfigureAwait(false);
                }
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        /// <summary>Takes in what an answer says about the window: the highest count seen in a window, and when it ends.</summary>
        public void Observe(RateLimitHeaders? headers)
        {
            if (headers == null)
            {
                return;
            }

            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                var ends = now + (long)(Math.Min(headers.ResetSeconds, _maxHold.TotalSeconds) * Stopwatch.Frequency);
                var oneSecond = Stopwatch.Frequency;
                if (!_allowed.HasValue || _windowEnds == Unknown || ends > _windowEnds + oneSecond)
                {
                    // A new window (or the first one seen): its count starts from this answer's.
                    _used = headers.Count;
                    _windowEnds = ends;
                }
                else if (ends >= _windowEnds - oneSecond)
                {
                    _used = Math.Max(_used, headers.Count);
                    _windowEnds = Math.Max(_windowEnds, ends);
                }

                _allowed = headers.Allowed;
            }
        }

        private void Leave()
        {
            lock (_lock)
            {
                _inFlight--;
            }

            _slots.Release();
        }

        private sealed class Exit : IDisposable
        {
            private RateLimitGate? _gate;

            public Exit(RateLimitGate gate)
            {
                _gate = gate;
            }

            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Leave();
        }
    }
}
