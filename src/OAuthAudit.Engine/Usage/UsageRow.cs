using System;

namespace OAuthAudit.Engine.Usage
{
    /// <summary>One checked row of a usage query: one client's requests on one UTC day.</summary>
    internal sealed class UsageRow
    {
        public UsageRow(string clientId, DateTime day, long requests, long status200, long status300, long status400, long status429, long status500)
        {
            ClientId = clientId;
            Day = day;
            Requests = requests;
            Status200 = status200;
            Status300 = status300;
            Status400 = status400;
            Status429 = status429;
            Status500 = status500;
        }

        public string ClientId { get; }

        public DateTime Day { get; }

        public long Requests { get; }

        public long Status200 { get; }

        public long Status300 { get; }

        public long Status400 { get; }

        public long Status429 { get; }

        public long Status500 { get; }
    }
}
