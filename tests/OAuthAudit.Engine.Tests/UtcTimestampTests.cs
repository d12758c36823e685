using System;
using System.Globalization;
using System.Threading;
using Newtonsoft.Json;
using OAuthAudit.Engine.Model;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class UtcTimestampTests
    {
        [Theory]
        [InlineData("de-DE")]
        [InlineData("en-US")]
        [InlineData("ar-SA")]
        [InlineData("th-TH")]
        public void Text_is_ISO_8601_UTC_with_Z_in_every_culture(string culture)
        {
            var saved = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo(culture);
                UtcTimestamp stamp = new DateTime(2026, 12, 1, 19, 6, 42, 123, DateTimeKind.Utc);

                Assert.Equal("2026-12-01T19:06:42Z", stamp.ToString());
                Assert.Equal("2026-12-01T19:06:42Z", $"{stamp}");
                Assert.Equal("2026-12-01", $"{stamp:yyyy-MM-dd}");
                Assert.Equal("2026-12-01T19:06:42Z", ((UtcTimestamp?)stamp).ToString());
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = saved;
            }
        }

        [Fact]
        public void It_converts_compares_and_calculates_as_a_DateTime_does()
        {
            var utc = new DateTime(2026, 12, 1, 19, 6, 42, DateTimeKind.Utc);
            UtcTimestamp stamp = utc;
            DateTime back = stamp;

            Assert.Equal(utc, back);
            Assert.Equal(DateTimeKind.Utc, back.Kind);
            Assert.Equal(DateTimeKind.Utc, new UtcTimestamp(new DateTime(2026, 12, 1)).UtcDateTime.Kind);
            Assert.Equal(stamp, new UtcTimestamp(utc.ToLocalTime()));
            Assert.True(stamp.Equals((object)utc));
            Assert.Equal(0, stamp.CompareTo((object)utc));
            Assert.True(stamp.CompareTo((object)utc.AddSeconds(1)) < 0);
            Assert.True(stamp.AddDays(1) > stamp);
            Assert.Equal("2026-12-02T19:06:42Z", stamp.AddDays(1).ToString());
            Assert.Equal("2026-12-01T20:06:42Z", stamp.AddHours(1).ToString());
            Assert.Throws<ArgumentException>(() => stamp.CompareTo("2026-12-01"));
        }

        [Fact]
        public void Newtonsoft_writes_and_reads_it_as_the_ISO_string()
        {
            var json = JsonConvert.SerializeObject(new { At = new UtcTimestamp(new DateTime(2026, 12, 1, 19, 6, 42, DateTimeKind.Utc)) });

            Assert.Equal("{\"At\":\"2026-12-01T19:06:42Z\"}", json);
            Assert.Equal(new DateTime(2026, 12, 1, 19, 6, 42, DateTimeKind.Utc), JsonConvert.DeserializeObject<UtcTimestamp>("\"2026-12-01T19:06:42Z\"").UtcDateTime);
        }
    }
}
