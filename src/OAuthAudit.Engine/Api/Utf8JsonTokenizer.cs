using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Strict RFC 8259 JSON over UTF-8 bytes, token by token, for the hand-written body readers (<see cref="DtoReaders"/>):
    /// no comments, single quotes, unquoted names, NaN, trailing commas, leading zeros, invalid UTF-8, lone surrogates,
    /// nor anything after the value. Strings are checked as they are passed and decoded only when asked for. Every
    /// failure is a <see cref="JsonReaderException"/> naming the path, line and position, computed only then.
    /// </summary>
    internal sealed class Utf8JsonTokenizer
    {
        /// <summary>
        /// AggressiveOptimization (not in netstandard2.0's enum, honoured by the runtime): the per-byte loops are compiled
        /// optimized at once; a cold process would otherwise run them unoptimized for most of a 10,000-client listing.
        /// </summary>
        internal const MethodImplOptions Hot = (MethodImplOptions)512;

        /// <summary>UTF-8 that throws on invalid bytes rather than replacing them: the one strict UTF-8 of the body readers.</summary>
        internal static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly byte[] _bytes;
        private readonly int _start;
        private readonly int _end;

        // Per open container (1.._depth): array or object, the element index, the offset of the member name's quote.
        private readonly bool[] _isArray = new bool[JsonBodies.MaxDepth + 1];
        private readonly int[] _index = new int[JsonBodies.MaxDepth + 1];
        private readonly int[] _nameAt = new int[JsonBodies.MaxDepth + 1];

        private int _pos;
        private int _depth;
        private Expect _expect;
        private bool _escaped;

        public Utf8JsonTokenizer(byte[] bytes, int offset, int length)
        {
            _bytes = bytes;
            _start = offset;
            _end = offset + length;
            _pos = offset;
        }

        private enum Expect : byte
        {
            Top,
            Value,
            ValueOrEnd,
            NameOrEnd,
            Name,
            AfterValue,
            Done,
        }

        public JsonTokenKind Kind { get; private set; }

        /// <summary>Where the current token begins (a string's or a name's opening quote).</summary>
        public int TokenStart { get; private set; }

        /// <summary>The offset just past the current token.</summary>
        public int Position => _pos;

        /// <summary>Between the quotes of a string or name, or the text of a number.</summary>
        public int ValueStart { get; private set; }

        public int ValueEnd { get; private set; }

        public byte[] Bytes => _bytes;

        /// <summary>The path as the serializer writes it: entities[3].roleDivisions[0].roleId.</summary>
        public string Path
        {
            get
            {
                var path = new StringBuilder();
                for (var level = 1; level <= _depth; level++)
                {
                    if (_isArray[level])
                    {
                        if (_index[level] >= 0)
                        {
                            path.Append('[').Append(_index[level].ToString(CultureInfo.InvariantCulture)).Append(']');
                        }
                    }
                    else if (_nameAt[level] >= 0)
                    {
                        AppendName(path, NameAt(_nameAt[level]));
                    }
                }

                return path.ToString();
            }
        }

        public int LineNumber => LineAndPosition(_pos).Line;

        public int LinePosition => LineAndPosition(_pos).Position;

        /// <summary>The next token; false only at the end of the text, once the top-level value is complete (or there is none).</summary>
        [MethodImpl(Hot)]
        public bool Read()
        {
            SkipWhitespace();
            TokenStart = _pos;
            switch (_expect)
            {
                case Expect.Top:
                    if (_pos == _end)
                    {
                        return Finish();
                    }

                    return ReadValue();
                case Expect.Value:
                    return ReadValue();
                case Expect.ValueOrEnd:
                    return _pos < _end && _bytes[_pos] == (byte)']' ? End() : ReadValue();
                case Expect.NameOrEnd:
                    return _pos < _end && _bytes[_pos] == (byte)'}' ? End() : ReadName();
                case Expect.Name:
                    return ReadName();
                case Expect.AfterValue:
                    return AfterValue();
                default:
                    Kind = JsonTokenKind.None;
                    return false;
            }
        }

        /// <summary>Past the value the current token starts (all of an object or array), each byte still checked.</summary>
        public void SkipValue()
        {
            if (Kind != JsonTokenKind.StartObject && Kind != JsonTokenKind.StartArray)
            {
                return;
            }

            var outer = _depth - 1;
            while (_depth > outer)
            {
                Read();
            }
        }

        /// <summary>The text of the current string or name, its escapes decoded.</summary>
        [MethodImpl(Hot)]
        public string GetString()
        {
            var length = ValueEnd - ValueStart;
            if (length == 0)
            {
                return string.Empty;
            }

            return _escaped ? Unescape(ValueStart, ValueEnd) : StrictUtf8.GetString(_bytes, ValueStart, length);
        }

        /// <summary>The current number's text, as written.</summary>
        public string NumberText()
        {
            var chars = new char[ValueEnd - ValueStart];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)_bytes[ValueStart + i];
            }

            return new string(chars);
        }

        /// <summary>The current integer as a long; false when it does not fit one.</summary>
        [MethodImpl(Hot)]
        public bool TryGetInt64(out long value)
        {
            value = 0;
            var i = ValueStart;
            var negative = _bytes[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            ulong magnitude = 0;
            for (; i < ValueEnd; i++)
            {
                var digit = (ulong)(_bytes[i] - '0');
                if (magnitude > (ulong.MaxValue - digit) / 10)
                {
                    return false;
                }

                magnitude = (magnitude * 10) + digit;
            }

            if (magnitude > (negative ? 9223372036854775808UL : long.MaxValue))
            {
                return false;
            }

            value = negative ? unchecked((long)(0UL - magnitude)) : (long)magnitude;
            return true;
        }

        /// <summary>Whether the current name or string is exactly these UTF-8 bytes (as written, without escapes).</summary>
        [MethodImpl(Hot)]
        public bool ValueEquals(byte[] utf8)
        {
            if (_escaped || ValueEnd - ValueStart != utf8.Length)
            {
                return false;
            }

            for (var i = 0; i < utf8.Length; i++)
            {
                if (_bytes[ValueStart + i] != utf8[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the current name or string is ASCII written without escapes, so that it can be compared byte by byte.</summary>
        public bool ValueIsPlainAscii()
        {
            if (_escaped)
            {
                return false;
            }

            for (var i = ValueStart; i < ValueEnd; i++)
            {
                if (_bytes[i] >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the current (plain ASCII) name is these ASCII bytes ignoring case.</summary>
        public bool ValueEqualsIgnoringAsciiCase(byte[] ascii)
        {
            if (ValueEnd - ValueStart != ascii.Length)
            {
                return false;
            }

            for (var i = 0; i < ascii.Length; i++)
            {
                var a = _bytes[ValueStart + i];
                if (a == ascii[i])
                {
                    continue;
                }

                var lower = a | 0x20;
                if (lower != (ascii[i] | 0x20) || lower < 'a' || lower > 'z')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An error at the current token, as the serializer's reader words it: the message, then path, line and position.</summary>
        public JsonReaderException Error(string message) => ErrorAt(message, _pos);

        public JsonReaderException ErrorAt(string message, int offset)
        {
            var path = Path;
            var (line, position) = LineAndPosition(offset);
            message = message.Trim();
            if (!message.EndsWith(".", StringComparison.Ordinal))
            {
                message += ".";
            }

            return new JsonReaderException($"{message} Path '{path}', line {line}, position {position}.", path, line, position, null);
        }

        private bool Finish()
        {
            _expect = Expect.Done;
            Kind = JsonTokenKind.None;
            return false;
        }

        [MethodImpl(Hot)]
        private bool AfterValue()
        {
            if (_depth == 0)
            {
                if (_pos != _end)
                {
                    throw ErrorAt($"Additional text encountered after finished reading JSON content: {Shown(_pos)}", _pos + 1);
                }

                return Finish();
            }

            if (_pos == _end)
            {
                throw Truncated();
            }

            var next = _bytes[_pos];
            if (next == (byte)',')
            {
                _pos++;
                SkipWhitespace();
                TokenStart = _pos;
                return _isArray[_depth] ? ReadValue() : ReadName();
            }

            if (next == (_isArray[_depth] ? (byte)']' : (byte)'}'))
            {
                return End();
            }

            throw Unexpected(_isArray[_depth] ? "after an array element" : "after an object member");
        }

        private bool End()
        {
            _pos++;
            Kind = _isArray[_depth] ? JsonTokenKind.EndArray : JsonTokenKind.EndObject;
            _depth--;
            _expect = Expect.AfterValue;
            return true;
        }

        [MethodImpl(Hot)]
        private bool ReadName()
        {
            if (_pos == _end)
            {
                throw Truncated();
            }

            if (_bytes[_pos] != (byte)'"')
            {
                throw Unexpected("where a member name in double quotes belongs");
            }

            var quote = _pos;
            _nameAt[_depth] = -1;
            ScanString();
            _nameAt[_depth] = quote;
            SkipWhitespace();
            if (_pos == _end)
            {
                throw Truncated();
            }

            if (_bytes[_pos] != (byte)':')
            {
                throw Unexpected("after a member name, where ':' belongs");
            }

            _pos++;
            Kind = JsonTokenKind.PropertyName;
            _expect = Expect.Value;
            return true;
        }

        [MethodImpl(Hot)]
        private bool ReadValue()
        {
            if (_pos == _end)
            {
                throw Truncated();
            }

            if (_depth > 0 && _isArray[_depth])
            {
                _index[_depth]++;
            }

            switch (_bytes[_pos])
            {
                case (byte)'{':
                    Push(false);
                    Kind = JsonTokenKind.StartObject;
                    _expect = Expect.NameOrEnd;
                    return true;
                case (byte)'[':
                    Push(true);
                    Kind = JsonTokenKind.StartArray;
                    _expect = Expect.ValueOrEnd;
                    return true;
                case (byte)'"':
                    ScanString();
                    Kind = JsonTokenKind.String;
                    break;
                case (byte)'t':
                    Literal("true");
                    Kind = JsonTokenKind.True;
                    break;
                case (byte)'f':
                    Literal("false");
                    Kind = JsonTokenKind.False;
                    break;
                case (byte)'n':
                    Literal("null");
                    Kind = JsonTokenKind.Null;
                    break;
                case (byte)'-':
                case (byte)'0':
                case (byte)'1':
                case (byte)'2':
                case (byte)'3':
                case (byte)'4':
                case (byte)'5':
                case (byte)'6':
                case (byte)'7':
                case (byte)'8':
                case (byte)'9':
                    Kind = ScanNumber();
                    break;
                default:
                    throw Unexpected("where a value belongs");
            }

            _expect = Expect.AfterValue;
            return true;
        }

        private void Push(bool isArray)
        {
            if (_depth == JsonBodies.MaxDepth)
            {
                throw ErrorAt($"The reader's MaxDepth of {JsonBodies.MaxDepth} has been exceeded", _pos + 1);
            }

            _pos++;
            _depth++;
            _isArray[_depth] = isArray;
            _index[_depth] = -1;
            _nameAt[_depth] = -1;
        }

        private void Literal(string word)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (_pos + i == _end)
                {
                    throw Truncated();
                }

                if (_bytes[_pos + i] != word[i])
                {
                    throw ErrorAt($"Unexpected character encountered while parsing value: {Shown(_pos + i)}; only true, false and null are words in JSON", _pos + i + 1);
                }
            }

            _pos += word.Length;
        }

        /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, followed by no digit or letter.</summary>
        [MethodImpl(Hot)]
        private JsonTokenKind ScanNumber()
        {
            var i = _pos;
            var kind = JsonTokenKind.Integer;
            if (_bytes[i] == (byte)'-')
            {
                i++;
            }

            if (i < _end && _bytes[i] == (byte)'0')
            {
                i++;
                if (i < _end && IsDigit(_bytes[i]))
                {
                    throw ErrorAt("A number has a leading zero, which JSON does not allow", i + 1);
                }
            }
            else
            {
                i = Digits(i);
            }

            if (i < _end && _bytes[i] == (byte)'.')
            {
                kind = JsonTokenKind.Float;
                i = Digits(i + 1);
            }

            if (i < _end && (_bytes[i] == (byte)'e' || _bytes[i] == (byte)'E'))
            {
                kind = JsonTokenKind.Float;
                i++;
                if (i < _end && (_bytes[i] == (byte)'+' || _bytes[i] == (byte)'-'))
                {
                    i++;
                }

                i = Digits(i);
            }

            if (i < _end && (IsDigit(_bytes[i]) || IsLetter(_bytes[i]) || _bytes[i] == (byte)'.'))
            {
                throw ErrorAt($"Unexpected character encountered while parsing number: {Shown(i)}", i + 1);
            }

            ValueStart = _pos;
            ValueEnd = i;
            _pos = i;
            return kind;
        }

        /// <summary>One or more digits from <paramref name="i"/>; the offset past them.</summary>
        private int Digits(int i)
        {
            var first = i;
            while (i < _end && IsDigit(_bytes[i]))
            {
                i++;
            }

            if (i == first)
            {
                if (i == _end)
                {
                    throw Truncated();
                }

                throw ErrorAt($"Unexpected character encountered while parsing number: {Shown(i)}; a digit belongs here", i + 1);
            }

            return i;
        }

        /// <summary>From the opening quote at the position to past the closing one: escapes, control characters and UTF-8 checked.</summary>
        [MethodImpl(Hot)]
        private void ScanString()
        {
            var i = _pos + 1;
            var escaped = false;
            while (true)
            {
                if (i >= _end)
                {
                    throw Truncated();
                }

                var c = _bytes[i];
                if (c == (byte)'"')
                {
                    break;
                }

                if (c == (byte)'\\')
                {
                    escaped = true;
                    i = Escape(i);
                }
                else if (c < 0x20)
                {
                    throw ErrorAt($"A string holds the control character U+{c:X4} unescaped, which JSON does not allow", i + 1);
                }
                else if (c < 0x80)
                {
                    i++;
                }
                else
                {
                    i = Utf8Sequence(i);
                }
            }

            ValueStart = _pos + 1;
            ValueEnd = i;
            _escaped = escaped;
            _pos = i + 1;
        }

        /// <summary>The escape at the backslash at <paramref name="i"/>: the offset past it. A surrogate must be a whole pair of \u escapes.</summary>
        private int Escape(int i)
        {
            if (i + 1 >= _end)
            {
                throw Truncated();
            }

            switch (_bytes[i + 1])
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    return i + 2;
                case (byte)'u':
                    var unit = Hex4(i + 2);
                    if (unit >= 0xDC00 && unit <= 0xDFFF)
                    {
                        throw ErrorAt($"A string holds the lone surrogate \\u{unit:x4}, which is not a character", i + 6);
                    }

                    if (unit < 0xD800 || unit > 0xDBFF)
                    {
                        return i + 6;
                    }

                    if (i + 7 < _end && _bytes[i + 6] == (byte)'\\' && _bytes[i + 7] == (byte)'u')
                    {
                        var low = Hex4(i + 8);
                        if (low >= 0xDC00 && low <= 0xDFFF)
                        {
                            return i + 12;
                        }
                    }
                    else if (i + 7 >= _end)
                    {
                        throw Truncated();
                    }

                    throw ErrorAt($"A string holds the lone surrogate \\u{unit:x4}, which is not a character", i + 6);
                default:
                    throw ErrorAt($"A string holds the escape \\{Shown(i + 1)}, which JSON does not have", i + 2);
            }
        }

        private int Hex4(int i)
        {
            if (i + 4 > _end)
            {
                throw Truncated();
            }

            var value = 0;
            for (var k = i; k < i + 4; k++)
            {
                var digit = HexValue(_bytes[k]);
                if (digit < 0)
                {
                    throw ErrorAt($"A \\u escape holds {Shown(k)}, which is not a hexadecimal digit", k + 1);
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        /// <summary>A well-formed UTF-8 sequence of 2 to 4 bytes at <paramref name="i"/> (no overlong forms, surrogates or code points past U+10FFFF).</summary>
        [MethodImpl(Hot)]
        private int Utf8Sequence(int i)
        {
            var lead = _bytes[i];
            int count;
            byte min = 0x80, max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                count = 2;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                count = 3;
                if (lead == 0xE0)
                {
                    min = 0xA0;
                }
                else if (lead == 0xED)
                {
                    max = 0x9F;
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                count = 4;
                if (lead == 0xF0)
                {
                    min = 0x90;
                }
                else if (lead == 0xF4)
                {
                    max = 0x8F;
                }
            }
            else
            {
                throw InvalidUtf8(i);
            }

            if (i + count > _end)
            {
                throw Truncated();
            }

            var second = _bytes[i + 1];
            if (second < min || second > max)
            {
                throw InvalidUtf8(i);
            }

            for (var k = i + 2; k < i + count; k++)
            {
                if (_bytes[k] < 0x80 || _bytes[k] > 0xBF)
                {
                    throw InvalidUtf8(i);
                }
            }

            return i + count;
        }

        private string Unescape(int from, int to)
        {
            var chars = new char[to - from];
            var length = 0;
            var i = from;
            while (i < to)
            {
                var run = i;
                while (run < to && _bytes[run] != (byte)'\\')
                {
                    run++;
                }

                if (run > i)
                {
                    length += StrictUtf8.GetChars(_bytes, i, run - i, chars, length);
                    i = run;
                    continue;
                }

                var escape = _bytes[i + 1];
                i += 2;
                switch (escape)
                {
                    case (byte)'b': chars[length++] = '\b'; break;
                    case (byte)'f': chars[length++] = '\f'; break;
                    case (byte)'n': chars[length++] = '\n'; break;
                    case (byte)'r': chars[length++] = '\r'; break;
                    case (byte)'t': chars[length++] = '\t'; break;
                    case (byte)'u':
                        chars[length++] = (char)Hex4(i);
                        i += 4;
                        break;
                    default: chars[length++] = (char)escape; break;
                }
            }

            return new string(chars, 0, length);
        }

        /// <summary>The name whose opening quote is at <paramref name="quote"/>, decoded (for a path in an error).</summary>
        private string NameAt(int quote)
        {
            var i = quote + 1;
            var hasEscape = false;
            while (_bytes[i] != (byte)'"')
            {
                if (_bytes[i] == (byte)'\\')
                {
                    hasEscape = true;
                    i++;
                }

                i++;
            }

            return hasEscape ? Unescape(quote + 1, i) : StrictUtf8.GetString(_bytes, quote + 1, i - quote - 1);
        }

        private static void AppendName(StringBuilder path, string name)
        {
            if (name.IndexOfAny(PathSpecials) < 0)
            {
                if (path.Length > 0)
                {
                    path.Append('.');
                }

                path.Append(name);
                return;
            }

            path.Append("['").Append(name.Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
        }

        private static readonly char[] PathSpecials = { '.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029' };

        /// <summary>Line (from 1) and position (characters into the line, as the serializer's reader counts them) of an offset.</summary>
        private (int Line, int Position) LineAndPosition(int offset)
        {
            offset = Math.Min(offset, _end);
            var line = 1;
            var lineStart = _start;
            for (var i = _start; i < offset; i++)
            {
                var c = _bytes[i];
                if (c == (byte)'\n' || (c == (byte)'\r' && (i + 1 >= _end || _bytes[i + 1] != (byte)'\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var position = 0;
            for (var i = lineStart; i < offset; i++)
            {
                var c = _bytes[i];
                if (c < 0x80 || c >= 0xC0)
                {
                    position += c >= 0xF0 ? 2 : 1;
                }
            }

            return (line, position);
        }

        [MethodImpl(Hot)]
        private void SkipWhitespace()
        {
            while (_pos < _end)
            {
                var c = _bytes[_pos];
                if (c != (byte)' ' && c != (byte)'\n' && c != (byte)'\r' && c != (byte)'\t')
                {
                    return;
                }

                _pos++;
            }
        }

        private JsonReaderException Truncated()
        {
            var path = Path;
            return ErrorAt($"the JSON ends inside {(path.Length == 0 ? "the body" : "'" + path + "'")}: the body is truncated", _end);
        }

        private JsonReaderException Unexpected(string where) =>
            ErrorAt($"Unexpected character encountered while parsing value: {Shown(_pos)} {where}", _pos + 1);

        private JsonReaderException InvalidUtf8(int i) =>
            ErrorAt($"The byte 0x{_bytes[i]:X2} does not begin a well-formed UTF-8 character", i + 1);

        /// <summary>The character at an offset for a message: printable ASCII as itself, anything else as its byte.</summary>
        private string Shown(int i) =>
            i >= _end ? "the end" : _bytes[i] >= 0x21 && _bytes[i] < 0x7F ? ((char)_bytes[i]).ToString() : $"byte 0x{_bytes[i]:X2}";

        private static bool IsDigit(byte c) => c >= (byte)'0' && c <= (byte)'9';

        private static bool IsLetter(byte c) => (c | 0x20) >= 'a' && (c | 0x20) <= 'z';

        private static int HexValue(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9')
            {
                return c - '0';
            }

            var lower = c | 0x20;
            return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
        }
    }
}
