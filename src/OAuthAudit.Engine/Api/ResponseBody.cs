using System.IO;
using System.Text;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// An answer's body as read: its bytes, decoded either as a stream (the JSON parser reads a 10,000-client
    /// listing without a 15 MB string) or, for error messages only, to text on first use.
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

        /// <summary>The body's bytes when they are UTF-8, a UTF-8 byte order mark left out; false for a body kept as text or in another encoding.</summary>
        public bool TryGetUtf8(out byte[] bytes, out int start, out int length)
        {
            bytes = _bytes!;
            start = 0;
            length = _length;
            if (_bytes == null || _text != null || _encoding.CodePage != Encoding.UTF8.CodePage)
            {
                return false;
            }

            if (_length >= 3 && _bytes[0] == 0xEF && _bytes[1] == 0xBB && _bytes[2] == 0xBF)
            {
                start = 3;
                length -= 3;
            }

            return true;
        }

        private MemoryStream Bytes() => new MemoryStream(_bytes!, 0, _length, writable: false);

        private string Decode()
        {
            if (_bytes == null || _length == 0)
            {
                return string.Empty;
            }

            if (!StartsLikeByteOrderMark())
            {
                return _encoding.GetString(_bytes, 0, _length);
            }

            using (var reader = new StreamReader(Bytes(), _encoding, detectEncodingFromByteOrderMarks: true))
            {
                return reader.ReadToEnd();
            }
        }

        /// <summary>A body whose first byte may begin a byte order mark is decoded by a StreamReader, which detects and skips it.</summary>
        private bool StartsLikeByteOrderMark()
        {
            var first = _bytes![0];
            return first == 0xEF || first == 0xFE || first == 0xFF || first == 0x00;
        }
    }
}
