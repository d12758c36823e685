using System.Diagnostics;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// Lets a per-item progress update through at most a few times a second: over 10,000 clients a record per few
    /// items is thousands of host writes no one can read. The first update always goes through.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        private const long IntervalMilliseconds = 250;

        private readonly Stopwatch _sinceLast = new Stopwatch();

        /// <summary>Whether an update is due now; when it is, the interval starts again.</summary>
        public bool Due()
        {
            if (_sinceLast.IsRunning && _sinceLast.ElapsedMilliseconds < IntervalMilliseconds)
            {
                return false;
            }

            _sinceLast.Restart();
            return true;
        }
    }
}
