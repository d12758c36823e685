using System;
using System.Globalization;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// A point in time, in UTC, that turns into text as ISO-8601 with Z (2026-12-01T19:06:42Z) whatever the culture:
    /// Export-Csv, string interpolation and views call ToString(), which for a DateTime follows the current culture
    /// and drops the UTC marker. It converts to and from DateTime implicitly, so PowerShell compares it with
    /// Get-Date, sorts it, casts it ([datetime]) and calls AddDays on it as on a DateTime.
    /// </summary>
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public readonly struct UtcTimestamp : IComparable, IComparable<UtcTimestamp>, IEquatable<UtcTimestamp>, IFormattable
    {
        public const string IsoFormat = "yyyy-MM-ddTHH:mm:ssZ";

        /// <summary>A DateTime of unspecified kind is taken as UTC (the API's and the files' times are UTC).</summary>
        public UtcTimestamp(DateTime value)
        {
            UtcDateTime = value.Kind switch
            {
                DateTimeKind.Local => value.ToUniversalTime(),
                DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
                _ => value,
            };
        }

        /// <summary>The time as a DateTime of kind Utc (the one property, so ConvertTo-Json and Export-Clixml keep it).</summary>
        public DateTime UtcDateTime { get; }

        public static implicit operator UtcTimestamp(DateTime value) => new UtcTimestamp(value);

        public static implicit operator DateTime(UtcTimestamp value) => value.UtcDateTime;

        public static UtcTimestamp? From(DateTime? value) => value.HasValue ? new UtcTimestamp(value.Value) : (UtcTimestamp?)null;

        public static bool operator ==(UtcTimestamp left, UtcTimestamp right) => left.Equals(right);

        public static bool operator !=(UtcTimestamp left, UtcTimestamp right) => !left.Equals(right);

        public static bool operator <(UtcTimestamp left, UtcTimestamp right) => left.UtcDateTime < right.UtcDateTime;

        public static bool operator >(UtcTimestamp left, UtcTimestamp right) => left.UtcDateTime > right.UtcDateTime;

        public static bool operator <=(UtcTimestamp left, UtcTimestamp right) => left.UtcDateTime <= right.UtcDateTime;

        public static bool operator >=(UtcTimestamp left, UtcTimestamp right) => left.UtcDateTime >= right.UtcDateTime;

        public UtcTimestamp AddDays(double days) => new UtcTimestamp(UtcDateTime.AddDays(days));

        public UtcTimestamp AddHours(double hours) => new UtcTimestamp(UtcDateTime.AddHours(hours));

        public UtcTimestamp AddMinutes(double minutes) => new UtcTimestamp(UtcDateTime.AddMinutes(minutes));

        public UtcTimestamp AddSeconds(double seconds) => new UtcTimestamp(UtcDateTime.AddSeconds(seconds));

        public DateTime ToLocalTime() => UtcDateTime.ToLocalTime();

        public DateTime ToUniversalTime() => UtcDateTime;

        public int CompareTo(UtcTimestamp other) => UtcDateTime.CompareTo(other.UtcDateTime);

        /// <summary>Compares with another timestamp or a DateTime (a local DateTime as the same instant in UTC).</summary>
        public int CompareTo(object? obj) => obj switch
        {
            null => 1,
            UtcTimestamp other => CompareTo(other),
            DateTime other => CompareTo(new UtcTimestamp(other)),
            _ => throw new ArgumentException($"A UtcTimestamp compares with a UtcTimestamp or a DateTime, not a {obj.GetType().Name}.", nameof(obj)),
        };

        public bool Equals(UtcTimestamp other) => UtcDateTime == other.UtcDateTime;

        public override bool Equals(object? obj) => obj switch
        {
            UtcTimestamp other => Equals(other),
            DateTime other => Equals(new UtcTimestamp(other)),
            _ => false,
        };

        public override int GetHashCode() => UtcDateTime.GetHashCode();

        /// <summary>ISO-8601 in UTC with Z, to the second, in every culture.</summary>
        public override string ToString() => UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

        /// <summary>With a format, as DateTime formats it (e.g. 'yyyy-MM-dd'); without one, ISO-8601 with Z.</summary>
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            string.IsNullOrEmpty(format) ? ToString() : UtcDateTime.ToString(format, formatProvider ?? CultureInfo.InvariantCulture);

        public string ToString(string? format) => ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes a UtcTimestamp as the ISO-8601 string it shows, and reads one back.</summary>
    internal sealed class UtcTimestampJsonConverter : JsonConverter<UtcTimestamp>
    {
        public override void WriteJson(JsonWriter writer, UtcTimestamp value, JsonSerializer serializer) => writer.WriteValue(value.ToString());

        public override UtcTimestamp ReadJson(JsonReader reader, Type objectType, UtcTimestamp existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.Value is DateTime date ? new UtcTimestamp(date)
            : new UtcTimestamp(DateTime.Parse(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }
}
