using System;
using System.IO;
using System.Text;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// An answer's body as read: its bytes, read as UTF-8 by the hand-written readers or decoded as a stream by the
    /// serializer (a 10,000-client listing without a 15 MB string), or, for error messages only, to text on first use.
    /// </summary>
    internal sealed class ResponseBody
    {
        private readonly byte[]? _bytes;
        private readonly int _length;
        private readonly Encoding _encoding;
        private string? _text;

        public ResponseBody(string text)
        {
            _text = text;
            _encoding = Encoding.UTF8;
        }

        public ResponseBody(byte[] bytes, int length, Encoding encoding)
        {
            _bytes = bytes;
            _length = length;
            _encoding = encoding;
        }

        public string Text => _text ?? (_text = Decode());

        /// <summary>The body's size as received: bytes, or characters of a body kept as text.</summary>
        public int Length => _bytes != null ? _length : _text?.Length ?? 0;

        public TextReader Open() =>
            _text != null || _bytes == null ? (TextReader)new StringReader(Text) : new StreamReader(Bytes(), _encoding, detectEncodingFromByteOrderMarks: true);

        /// <summary>
        /// The body as UTF-8 for <see cref="Utf8JsonTokenizer"/>: UTF-8 bytes as they are (a byte order mark skipped),
        /// any other encoding (declared, or given by a byte order mark) transcoded strictly.
        /// </summary>
        /// <exception cref="ArgumentException">The bytes are not text in their encoding.</exception>
        public ArraySegment<byte> Utf8()
        {
            if (_bytes == null || _text != null)
            {
                return new ArraySegment<byte>(Utf8JsonTokenizer.StrictUtf8.GetBytes(Text));
            }

            var (marked, mark) = ByteOrderMark();
            var encoding = marked ?? _encoding;
            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                return new ArraySegment<byte>(_bytes, mark, _length - mark);
            }

            var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return new ArraySegment<byte>(Utf8JsonTokenizer.StrictUtf8.GetBytes(strict.GetString(_bytes, mark, _length - mark)));
        }

        /// <summary>The encoding a byte order mark names, as a StreamReader detects them, and the mark's length.</summary>
        private (Encoding? Encoding, int Length) ByteOrderMark()
        {
            var b = _bytes!;
            if (_length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            {
                return (Encoding.UTF8, 3);
            }

            if (_length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            {
                return (Encoding.UTF32, 4);
            }

            if (_length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            {
                return (new UTF32Encoding(true, false), 4);
            }

            if (_length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
            {
                return (Encoding.Unicode, 2);
            }

            if (_length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
            {
                return (Encoding.BigEndianUnicode, 2);
            }

            return (null, 0);
        }

        private MemoryStream Bytes() => new MemoryStream(_bytes!, 0, _length, writable: false);

        /// <summary>The text for messages: decoded as declared, or as a byte order mark says (the mark left out), invalid bytes replaced.</summary>
        private string Decode()
        {
            if (_bytes == null || _length == 0)
            {
                return string.Empty;
            }

            var (marked, mark) = ByteOrderMark();
            return (marked ?? _encoding).GetString(_bytes, mark, _length - mark);
        }
    }
}
