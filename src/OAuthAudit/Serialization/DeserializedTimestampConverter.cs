using System;
using System.Management.Automation;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Serialization
{
    /// <summary>
    /// Gives back a UtcTimestamp from its deserialized form (Import-Clixml, jobs, remoting carry it as a property bag
    /// holding UtcDateTime), so dates compare and sort after a round trip as before it.
    /// </summary>
    public sealed class DeserializedTimestampConverter : PSTypeConverter
    {
        public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
            destinationType == typeof(UtcTimestamp) && UtcDateTimeOf(sourceValue) != null;

        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            new UtcTimestamp(UtcDateTimeOf(sourceValue) ?? throw new PSInvalidCastException($"'{sourceValue}' holds no UtcDateTime to make a UtcTimestamp of."));

        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new PSInvalidCastException($"A UtcTimestamp does not convert to {destinationType}.");

        private static DateTime? UtcDateTimeOf(object sourceValue) =>
            (sourceValue as PSObject)?.Properties[nameof(UtcTimestamp.UtcDateTime)]?.Value switch
            {
                DateTime value => value,
                PSObject { BaseObject: DateTime wrapped } => wrapped,
                _ => null,
            };
    }
}
