using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Field reads for the hand-written body readers (<see cref="DtoReaders"/>) over <see cref="Utf8JsonTokenizer"/>,
    /// converting as the serializer does with <see cref="JsonBodies.Settings"/> (its reader's ReadAs* conversions), and
    /// failing as it does: every unfit value is a JsonException naming the field's path. A null inside a list is
    /// refused where it is read, and so is an empty string where the API sends an array or an object (the serializer
    /// would have read it as null).
    /// </summary>
    internal static class JsonFields
    {
        /// <summary>The reader set up as the serializer sets it up for <see cref="JsonBodies.Settings"/>; known member names are not allocated per object.</summary>
        public static void Configure(JsonTextReader reader)
        {
            reader.PropertyNameTable = MemberNames.Table;
            reader.MaxDepth = JsonBodies.MaxDepth;
            reader.DateTimeZoneHandling = DateTimeZoneHandling.Utc;
            reader.DateParseHandling = DateParseHandling.DateTime;
            reader.Culture = CultureInfo.InvariantCulture;
        }

        /// <summary>The top-level object: null for an empty body or null; reads it with <paramref name="readMembers"/>, then refuses anything after it.</summary>
        public static T? Body<T>(Utf8JsonTokenizer reader, Func<T> create, Action<Utf8JsonTokenizer, T> readMembers)
            where T : class
        {
            if (!reader.Read())
            {
                return null;
            }

            var value = reader.Kind == JsonTokenKind.Null ? null : ObjectHere(reader, null, create, readMembers);
            reader.Read();
            return value;
        }

        /// <summary>
        /// The members of the object the reader is at: <paramref name="member"/> reads the value of a member it knows by
        /// name (exactly, or else ignoring case, as the serializer matches names); any other member is skipped.
        /// </summary>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static void Members<T>(Utf8JsonTokenizer reader, MemberNames names, T target, Func<Utf8JsonTokenizer, string, T, bool> member)
        {
            while (reader.Read() && reader.Kind != JsonTokenKind.EndObject)
            {
                var name = names.Find(reader);
                if (name != null && member(reader, name, target))
                {
                    continue;
                }

                reader.Read();
                reader.SkipValue();
            }
        }

        /// <summary>A string, as the serializer's reader reads one: numbers as written, booleans as true/false.</summary>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static string? String(Utf8JsonTokenizer reader)
        {
            reader.Read();
            return StringHere(reader);
        }

        /// <summary>An int, as the serializer's reader reads one: an integer in range, or a string that is one; "" is null.</summary>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static int? Int32(Utf8JsonTokenizer reader)
        {
            reader.Read();
            switch (reader.Kind)
            {
                case JsonTokenKind.Null:
                    return null;
                case JsonTokenKind.String:
                    var text = reader.GetString();
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    throw reader.Error($"Could not convert string to integer: {text}.");
                case JsonTokenKind.Integer:
                    if (reader.TryGetInt64(out var number) && number >= int.MinValue && number <= int.MaxValue)
                    {
                        return (int)number;
                    }

                    throw reader.Error($"JSON integer {reader.NumberText()} is too large or small for an Int32.");
                case JsonTokenKind.Float:
                    throw reader.Error($"Input string '{reader.NumberText()}' is not a valid integer.");
                default:
                    throw UnexpectedCharacter(reader);
            }
        }

        /// <summary>A bool, as the serializer's reader reads one: a number is true when it is not zero; a string "true"/"false"; "" is null.</summary>
        public static bool? Boolean(Utf8JsonTokenizer reader)
        {
            reader.Read();
            switch (reader.Kind)
            {
                case JsonTokenKind.Null:
                    return null;
                case JsonTokenKind.True:
                    return true;
                case JsonTokenKind.False:
                    return false;
                case JsonTokenKind.String:
                    var text = reader.GetString();
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    if (bool.TryParse(text, out var parsed))
                    {
                        return parsed;
                    }

                    throw reader.Error($"Could not convert string to boolean: {text}.");
                case JsonTokenKind.Integer:
                    return reader.NumberText().TrimStart('-').Trim('0').Length > 0;
                case JsonTokenKind.Float:
                    return Double(reader) != 0;
                default:
                    throw UnexpectedCharacter(reader);
            }
        }

        /// <summary>A UTC date, as the serializer's reader reads one: ISO 8601, else what DateTime reads invariantly; "" is null.</summary>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static DateTime? Date(Utf8JsonTokenizer reader)
        {
            reader.Read();
            switch (reader.Kind)
            {
                case JsonTokenKind.Null:
                    return null;
                case JsonTokenKind.String:
                    var text = reader.GetString();
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    if (IsoDates.TryParse(text, out var iso))
                    {
                        return iso;
                    }

                    if (!text.StartsWith("/Date(", StringComparison.Ordinal) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var other))
                    {
                        return other.Kind == DateTimeKind.Local ? other.ToUniversalTime() : new DateTime(other.Ticks, DateTimeKind.Utc);
                    }

                    throw reader.Error($"Could not convert string to DateTime: {text}.");
                default:
                    throw UnexpectedCharacter(reader);
            }
        }

        /// <summary>A double, as the serializer's reader reads one: a number, or a string that is one; "" is null.</summary>
        public static double? Float(Utf8JsonTokenizer reader)
        {
            reader.Read();
            switch (reader.Kind)
            {
                case JsonTokenKind.Null:
                    return null;
                case JsonTokenKind.Integer:
                case JsonTokenKind.Float:
                    return Double(reader);
                case JsonTokenKind.String:
                    var text = reader.GetString();
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    throw reader.Error($"Could not convert string to double: {text}.");
                default:
                    throw UnexpectedCharacter(reader);
            }
        }

        /// <summary>A long, as the serializer converts one: an integer in range, a float (rounded), a boolean, a string that is one; "" is null.</summary>
        public static long? Int64(Utf8JsonTokenizer reader)
        {
            reader.Read();
            switch (reader.Kind)
            {
                case JsonTokenKind.Null:
                    return null;
                case JsonTokenKind.True:
                    return 1;
                case JsonTokenKind.False:
                    return 0;
                case JsonTokenKind.Integer:
                    if (reader.TryGetInt64(out var integer))
                    {
                        return integer;
                    }

                    throw Unfit(reader, "a number", new InvalidCastException("The integer does not fit a 64-bit number."));
                case JsonTokenKind.Float:
                    try
                    {
                        return Convert.ToInt64(Double(reader), CultureInfo.InvariantCulture);
                    }
                    catch (OverflowException unfit)
                    {
                        throw Unfit(reader, "a number", unfit);
                    }

                case JsonTokenKind.String:
                    var text = reader.GetString();
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    if (IsoDates.TryParse(text, out _))
                    {
                        throw Unfit(reader, "a number");
                    }

                    try
                    {
                        return Convert.ToInt64(text, CultureInfo.InvariantCulture);
                    }
                    catch (Exception unfit) when (unfit is FormatException || unfit is OverflowException)
                    {
                        throw Unfit(reader, "a number", unfit);
                    }

                default:
                    throw Unfit(reader, "a number");
            }
        }

        /// <summary>A JSON value kept as it is (null JSON is a null JValue, as the serializer keeps it): its bytes read by a JsonTextReader set up as the serializer's.</summary>
        public static JToken Token(Utf8JsonTokenizer reader)
        {
            reader.Read();
            if (reader.Kind == JsonTokenKind.Null)
            {
                return JValue.CreateNull();
            }

            var start = reader.TokenStart;
            reader.SkipValue();
            var text = Encoding.UTF8.GetString(reader.Bytes, start, reader.Position - start);
            using (var raw = new JsonTextReader(new StringReader(text)))
            {
                Configure(raw);
                return JToken.ReadFrom(raw);
            }
        }

        /// <summary>A list of strings: null stays null, a null element is refused, numbers and booleans are read as text.</summary>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static List<string>? Strings(Utf8JsonTokenizer reader, List<string>? existing)
        {
            reader.Read();
            if (reader.Kind == JsonTokenKind.Null)
            {
                return null;
            }

            RequireArray(reader);
            var list = existing ?? new List<string>();
            while (reader.Read() && reader.Kind != JsonTokenKind.EndArray)
            {
                list.Add(StringHere(reader) ?? throw NullElement(reader));
            }

            return list;
        }

        /// <summary>A list of objects: null stays null, a null element is refused; a list the body named before grows, as the serializer grows it.</summary>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static List<T>? Objects<T>(Utf8JsonTokenizer reader, List<T>? existing, Func<T> create, Action<Utf8JsonTokenizer, T> readMembers)
            where T : class
        {
            reader.Read();
            if (reader.Kind == JsonTokenKind.Null)
            {
                return null;
            }

            RequireArray(reader);
            var list = existing ?? new List<T>();
            while (reader.Read() && reader.Kind != JsonTokenKind.EndArray)
            {
                if (reader.Kind == JsonTokenKind.Null)
                {
                    throw NullElement(reader);
                }

                list.Add(ObjectHere(reader, null, create, readMembers));
            }

            return list;
        }

        /// <summary>An object member: null stays null; an object the body named before is read into again, as the serializer does.</summary>
        public static T? Object<T>(Utf8JsonTokenizer reader, T? existing, Func<T> create, Action<Utf8JsonTokenizer, T> readMembers)
            where T : class
        {
            reader.Read();
            return reader.Kind == JsonTokenKind.Null ? null : ObjectHere(reader, existing, create, readMembers);
        }

        private static T ObjectHere<T>(Utf8JsonTokenizer reader, T? existing, Func<T> create, Action<Utf8JsonTokenizer, T> readMembers)
            where T : class
        {
            if (reader.Kind != JsonTokenKind.StartObject)
            {
                throw Unfit(reader, "an object");
            }

            var value = existing ?? create();
            readMembers(reader, value);
            return value;
        }

        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static string? StringHere(Utf8JsonTokenizer reader)
        {
            switch (reader.Kind)
            {
                case JsonTokenKind.String:
                    return reader.GetString();
                case JsonTokenKind.Null:
                    return null;
                case JsonTokenKind.Integer:
                case JsonTokenKind.Float:
                    return reader.NumberText();
                case JsonTokenKind.True:
                    return "true";
                case JsonTokenKind.False:
                    return "false";
                default:
                    throw UnexpectedCharacter(reader);
            }
        }

        private static double Double(Utf8JsonTokenizer reader) => double.Parse(reader.NumberText(), NumberStyles.Float, CultureInfo.InvariantCulture);

        private static void RequireArray(Utf8JsonTokenizer reader)
        {
            if (reader.Kind != JsonTokenKind.StartArray)
            {
                throw Unfit(reader, "an array");
            }
        }

        /// <summary>What the serializer's reader says for a value that cannot be the field's type at all (an object for a string).</summary>
        private static JsonReaderException UnexpectedCharacter(Utf8JsonTokenizer reader) =>
            reader.ErrorAt($"Unexpected character encountered while parsing value: {(char)reader.Bytes[reader.TokenStart]}.", reader.TokenStart + 1);

        private static JsonSerializationException NullElement(Utf8JsonTokenizer reader) =>
            Error(reader, $"'{reader.Path}' is null where the API sends a value", null);

        private static JsonSerializationException Unfit(Utf8JsonTokenizer reader, string expected, Exception? inner = null) =>
            Error(reader, $"{Field(reader)} is {Describe(reader)} where the API sends {expected}", inner);

        private static string Field(Utf8JsonTokenizer reader)
        {
            var path = reader.Path;
            return path.Length == 0 ? "the body" : "'" + path + "'";
        }

        private static string Describe(Utf8JsonTokenizer reader)
        {
            switch (reader.Kind)
            {
                case JsonTokenKind.StartObject:
                    return "an object";
                case JsonTokenKind.StartArray:
                    return "an array";
                case JsonTokenKind.String:
                    return IsoDates.TryParse(reader.GetString(), out _) ? "a date" : "a string";
                case JsonTokenKind.Integer:
                    return "the number " + reader.NumberText();
                case JsonTokenKind.Float:
                    return "the number " + Double(reader).ToString(CultureInfo.InvariantCulture);
                case JsonTokenKind.True:
                case JsonTokenKind.False:
                    return "a boolean";
                default:
                    return reader.Kind.ToString();
            }
        }

        private static JsonSerializationException Error(Utf8JsonTokenizer reader, string message, Exception? inner) =>
            new JsonSerializationException(message, reader.Path, reader.LineNumber, reader.LinePosition, inner);
    }
}
