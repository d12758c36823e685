using System;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// The ISO 8601 forms the serializer's reader recognizes in a string (yyyy-MM-ddTHH:mm:ss, up to 7 fraction digits,
    /// then Z, ±HH, ±HHmm or ±HH:mm, or no zone), read to a UTC DateTime as it reads them with DateTimeZoneHandling.Utc
    /// (no zone is taken as UTC; an offset goes through local time, as it does).
    /// </summary>
    internal static class IsoDates
    {
        private const int MaxFractionDigits = 7;

        private static readonly int[] Power10 = { -1, 10, 100, 1000, 10000, 100000, 1000000 };

        /// <summary>Whether the serializer's reader would take <paramref name="text"/> for a date rather than a string.</summary>
        public static bool TryParse(string text, out DateTime utc)
        {
            utc = default;
            if (text.Length < 19 || text.Length > 40 || !IsDigit(text[0]) || text[10] != 'T')
            {
                return false;
            }

            var end = text.Length;
            if (!(Digits4(text, 0, end, out var year) && year >= 1 && text[4] == '-'
                  && Digits2(text, 5, end, out var month) && month >= 1 && month <= 12 && text[7] == '-'
                  && Digits2(text, 8, end, out var day) && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                  && Digits2(text, 11, end, out var hour) && hour <= 24 && At(text, 13, ':')
                  && Digits2(text, 14, end, out var minute) && minute < 60 && At(text, 16, ':')
                  && Digits2(text, 17, end, out var second) && second < 60
                  && (hour != 24 || (minute == 0 && second == 0))))
            {
                return false;
            }

            var i = 19;
            var fraction = 0;
            if (At(text, i, '.'))
            {
                var digits = 0;
                while (++i < end && digits < MaxFractionDigits && IsDigit(text[i]))
                {
                    fraction = (fraction * 10) + (text[i] - '0');
                    digits++;
                }

                if (digits == 0 || (hour == 24 && fraction != 0))
                {
                    return false;
                }

                if (digits < MaxFractionDigits)
                {
                    fraction *= Power10[MaxFractionDigits - digits];
                }
            }

            if (!Zone(text, i, out var zone, out var zoneHour, out var zoneMinute))
            {
                return false;
            }

            var local = new DateTime(year, month, day, hour == 24 ? 0 : hour, minute, second).AddTicks(fraction);
            if (hour == 24)
            {
                local = local.AddDays(1);
            }

            utc = ToUtc(local, zone, new TimeSpan(zoneHour, zoneMinute, 0));
            return true;
        }

        /// <summary>As the serializer's reader: an offset date becomes local time, then UTC.</summary>
        private static DateTime ToUtc(DateTime d, int zone, TimeSpan offset)
        {
            switch (zone)
            {
                case 'Z':
                    return new DateTime(d.Ticks, DateTimeKind.Utc);
                case '-':
                case '+':
                    var ticks = zone == '-' ? d.Ticks + offset.Ticks : d.Ticks - offset.Ticks;
                    if (ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
                    {
                        return new DateTime(ticks, DateTimeKind.Utc).ToLocalTime().ToUniversalTime();
                    }

                    ticks += TimeZoneInfo.Local.GetUtcOffset(d).Ticks;
                    ticks = Math.Max(DateTime.MinValue.Ticks, Math.Min(DateTime.MaxValue.Ticks, ticks));
                    return new DateTime(ticks, DateTimeKind.Local).ToUniversalTime();
                default:
                    return new DateTime(d.Ticks, DateTimeKind.Utc);
            }
        }

        /// <summary>The zone from <paramref name="i"/> to the end: Z, ±HH, ±HHmm, ±HH:mm, or nothing ('\0').</summary>
        private static bool Zone(string text, int i, out int zone, out int hour, out int minute)
        {
            var end = text.Length;
            zone = 0;
            hour = 0;
            minute = 0;
            if (i < end)
            {
                var c = text[i];
                if (c == 'Z' || c == 'z')
                {
                    zone = 'Z';
                    i++;
                }
                else
                {
                    if (i + 2 < end && Digits2(text, i + 1, end, out hour) && (c == '-' || c == '+'))
                    {
                        zone = c;
                        i += 3;
                    }

                    if (i < end)
                    {
                        if (At(text, i, ':'))
                        {
                            i++;
                        }

                        if (i + 1 < end && Digits2(text, i, end, out minute))
                        {
                            i += 2;
                        }
                    }
                }
            }

            return i == end;
        }

        private static bool Digits4(string text, int i, int end, out int value)
        {
            value = 0;
            if (i + 3 >= end)
            {
                return false;
            }

            for (var k = i; k < i + 4; k++)
            {
                if (!IsDigit(text[k]))
                {
                    return false;
                }

                value = (value * 10) + (text[k] - '0');
            }

            return true;
        }

        private static bool Digits2(string text, int i, int end, out int value)
        {
            value = 0;
            if (i + 1 >= end || !IsDigit(text[i]) || !IsDigit(text[i + 1]))
            {
                return false;
            }

            value = ((text[i] - '0') * 10) + (text[i + 1] - '0');
            return true;
        }

        private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
