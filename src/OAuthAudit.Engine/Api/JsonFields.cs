using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Field reads for the hand-written body readers (<see cref="DtoReaders"/>), converting as the serializer does with
    /// <see cref="JsonBodies.Settings"/> (its own ReadAs* conversions), and failing as it does: every unfit value is a
    /// JsonException naming the field's path. A null inside a list is refused where it is read, and so is an empty
    /// string where the API sends an array or an object (the serializer would have read it as null).
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

        /// <summary>Moves to the next token that is not a comment; false at the end of the text.</summary>
        public static bool Next(JsonReader reader)
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The top-level object: null for an empty body or null; reads it with <paramref name="readMembers"/>.</summary>
        public static T? Body<T>(JsonReader reader, Func<T> create, Action<JsonReader, T> readMembers)
            where T : class
        {
            if (!Next(reader) || reader.TokenType == JsonToken.Null)
            {
                return null;
            }

            return ObjectHere(reader, null, create, readMembers);
        }

        /// <summary>
        /// The members of the object the reader is at: <paramref name="member"/> reads the value of a member it knows by
        /// name and says so; a name it does not know is matched again ignoring case (as the serializer matches names),
        /// and an unknown member is skipped.
        /// </summary>
        public static void Members<T>(JsonReader reader, MemberNames names, T target, Func<JsonReader, string, T, bool> member)
        {
            while (true)
            {
                if (!Next(reader))
                {
                    throw Truncated(reader);
                }

                if (reader.TokenType == JsonToken.EndObject)
                {
                    return;
                }

                var name = (string)reader.Value!;
                if (member(reader, name, target) || (names.IgnoringCase(name) is string known && member(reader, known, target)))
                {
                    continue;
                }

                if (!reader.Read())
                {
                    throw Truncated(reader);
                }

                reader.Skip();
            }
        }

        public static string? String(JsonReader reader) => reader.ReadAsString();

        public static int? Int32(JsonReader reader) => reader.ReadAsInt32();

        public static bool? Boolean(JsonReader reader) => reader.ReadAsBoolean();

        public static DateTime? Date(JsonReader reader) => reader.ReadAsDateTime();

        /// <summary>A long, as the serializer converts one: an integer in range, a float (rounded), a boolean, a string that is one; "" is null.</summary>
        public static long? Int64(JsonReader reader)
        {
            Value(reader);
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    return null;
                case JsonToken.String when ((string)reader.Value!).Length == 0:
                    return null;
                case JsonToken.Integer:
                case JsonToken.Float:
                case JsonToken.String:
                case JsonToken.Boolean:
                    try
                    {
                        return Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture);
                    }
                    catch (Exception unfit) when (unfit is FormatException || unfit is OverflowException || unfit is InvalidCastException)
                    {
                        throw Unfit(reader, "a number", unfit);
                    }

                default:
                    throw Unfit(reader, "a number");
            }
        }

        /// <summary>A JSON value kept as it is (null JSON is a null JValue, as the serializer keeps it).</summary>
        public static JToken Token(JsonReader reader)
        {
            Value(reader);
            return JToken.ReadFrom(reader);
        }

        /// <summary>A list of strings: null stays null, a null element is refused, numbers and booleans are read as text.</summary>
        public static List<string>? Strings(JsonReader reader, List<string>? existing)
        {
            Value(reader);
            if (reader.TokenType == JsonToken.Null)
            {
                return null;
            }

            RequireArray(reader);
            var list = existing ?? new List<string>();
            while (true)
            {
                var item = reader.ReadAsString();
                if (reader.TokenType == JsonToken.EndArray)
                {
                    return list;
                }

                if (reader.TokenType == JsonToken.None)
                {
                    throw Truncated(reader);
                }

                if (item == null)
                {
                    throw NullElement(reader);
                }

                list.Add(item);
            }
        }

        /// <summary>A list of objects: null stays null, a null element is refused; a list the body named before grows, as the serializer grows it.</summary>
        public static List<T>? Objects<T>(JsonReader reader, List<T>? existing, Func<T> create, Action<JsonReader, T> readMembers)
            where T : class
        {
            Value(reader);
            if (reader.TokenType == JsonToken.Null)
            {
                return null;
            }

            RequireArray(reader);
            var list = existing ?? new List<T>();
            while (true)
            {
                if (!Next(reader))
                {
                    throw Truncated(reader);
                }

                switch (reader.TokenType)
                {
                    case JsonToken.EndArray:
                        return list;
                    case JsonToken.Null:
                        throw NullElement(reader);
                    default:
                        list.Add(ObjectHere(reader, null, create, readMembers));
                        break;
                }
            }
        }

        /// <summary>An object member: null stays null; an object the body named before is read into again, as the serializer does.</summary>
        public static T? Object<T>(JsonReader reader, T? existing, Func<T> create, Action<JsonReader, T> readMembers)
            where T : class
        {
            Value(reader);
            return reader.TokenType == JsonToken.Null ? null : ObjectHere(reader, existing, create, readMembers);
        }

        private static T ObjectHere<T>(JsonReader reader, T? existing, Func<T> create, Action<JsonReader, T> readMembers)
            where T : class
        {
            if (reader.TokenType != JsonToken.StartObject)
            {
                throw Unfit(reader, "an object");
            }

            var value = existing ?? create();
            readMembers(reader, value);
            return value;
        }

        /// <summary>Moves from a member's name to its value.</summary>
        private static void Value(JsonReader reader)
        {
            if (!Next(reader))
            {
                throw Truncated(reader);
            }
        }

        private static void RequireArray(JsonReader reader)
        {
            if (reader.TokenType != JsonToken.StartArray)
            {
                throw Unfit(reader, "an array");
            }
        }

        private static JsonSerializationException NullElement(JsonReader reader) =>
            Error(reader, $"'{reader.Path}' is null where the API sends a value", null);

        private static JsonSerializationException Unfit(JsonReader reader, string expected, Exception? inner = null) =>
            Error(reader, $"{Field(reader)} is {Describe(reader)} where the API sends {expected}", inner);

        private static JsonSerializationException Truncated(JsonReader reader) =>
            Error(reader, $"the JSON ends inside {Field(reader)}: the body is truncated", null);

        private static string Field(JsonReader reader) => reader.Path.Length == 0 ? "the body" : "'" + reader.Path + "'";

        private static string Describe(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.StartObject:
                    return "an object";
                case JsonToken.StartArray:
                    return "an array";
                case JsonToken.String:
                    return "a string";
                case JsonToken.Integer:
                case JsonToken.Float:
                    return "the number " + Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
                case JsonToken.Boolean:
                    return "a boolean";
                case JsonToken.Date:
                    return "a date";
                default:
                    return reader.TokenType.ToString();
            }
        }

        private static JsonSerializationException Error(JsonReader reader, string message, Exception? inner)
        {
            var line = reader as IJsonLineInfo;
            return new JsonSerializationException(message, reader.Path, line?.LineNumber ?? 0, line?.LinePosition ?? 0, inner);
        }
    }
}
