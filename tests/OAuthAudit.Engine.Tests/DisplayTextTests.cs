using OAuthAudit.Engine.Text;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class DisplayTextTests
    {
        [Theory]
        [InlineData("Plain Name (CI) - v2", "Plain Name (CI) - v2")]
        [InlineData("DOMAIN\\svc ünïcödé 日本", "DOMAIN\\svc ünïcödé 日本")]
        [InlineData("evil\u001b]0;pwned\u0007\u001b[2J\r\nWARNING: all clear", "evil\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x0aWARNING: all clear")]
        [InlineData("clip\u001b]52;c;ZWNobyBoaQ==\u0007", "clip\\x1b]52;c;ZWNobyBoaQ==\\x07")]
        [InlineData("tab\there\0nul\u007fdel", "tab\\x09here\\x00nul\\x7fdel")]
        [InlineData("c1\u009b31m csi", "c1\\x9b31m csi")]
        [InlineData("abc\u202edcba\u202c", "abc\\u202edcba\\u202c")]
        [InlineData("iso\u2066late\u2069 \u2067x\u2068", "iso\\u2066late\\u2069 \\u2067x\\u2068")]
        [InlineData("zero\u200bwidth\u200f\ufeff", "zero\\u200bwidth\\u200f\\ufeff")]
        [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
        public void Control_and_format_characters_are_made_visible_and_other_text_is_kept(string raw, string shown)
        {
            Assert.Equal(shown, DisplayText.Visible(raw));
            Assert.Equal(raw != shown, DisplayText.HasHiddenCharacters(raw));
        }

        [Fact]
        public void Null_stays_null_and_emoji_surrogate_pairs_are_kept()
        {
            Assert.Null(DisplayText.Visible(null));
            Assert.False(DisplayText.HasHiddenCharacters(null));
            Assert.Equal("bot \ud83e\udd16", DisplayText.Visible("bot \ud83e\udd16"));
        }
    }
}
