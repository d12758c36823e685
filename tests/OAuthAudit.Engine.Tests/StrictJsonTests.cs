using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// The client and role listings are read as strict JSON (RFC 8259) from their UTF-8 bytes: what the serializer let
    /// through (comments, trailing commas, NaN, single quotes...) is refused, and every refusal names the path, line and
    /// position, never a partial listing.
    /// </summary>
    public class StrictJsonTests
    {
        private const string Good = "{\"entities\":[{\"id\":\"a\",\"name\":\"n\",\"scope\":[\"x\"],\"accessTokenValiditySeconds\":60}],\"pageCount\":1}";

        [Theory]
        [InlineData("/* a comment */ {\"entities\":[]}", "")]
        [InlineData("{\"entities\":[{\"id\":\"a\" // a line comment\n}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":\"a\"}]}trailing", "")]
        [InlineData("{\"entities\":[{\"id\":\"a\"}]} {}", "")]
        [InlineData("null x", "")]
        [InlineData("{\"entities\":[{\"id\":\"a\"},]}", "entities[1]")]
        [InlineData("{\"entities\":[{\"id\":\"a\",}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":'a'}]}", "entities[0].id")]
        [InlineData("{'entities':[]}", "")]
        [InlineData("{entities:[]}", "")]
        [InlineData("{\"pageCount\":NaN}", "pageCount")]
        [InlineData("{\"pageCount\":Infinity}", "pageCount")]
        [InlineData("{\"pageCount\":-Infinity}", "pageCount")]
        [InlineData("{\"pageCount\":undefined}", "pageCount")]
        [InlineData("{\"pageCount\":01}", "pageCount")]
        [InlineData("{\"pageCount\":0x1F}", "pageCount")]
        [InlineData("{\"pageCount\":+1}", "pageCount")]
        [InlineData("{\"pageCount\":.5}", "pageCount")]
        [InlineData("{\"pageCount\":1.}", "pageCount")]
        [InlineData("{\"pageCount\":1e}", "pageCount")]
        [InlineData("{\"pageCount\":-}", "pageCount")]
        [InlineData("{\"total\":True}", "total")]
        [InlineData("{\"entities\":[{\"createdBy\":new Date(1)}]}", "entities[0].createdBy")]
        [InlineData("{\"entities\":[{\"id\":\"a\"}]]", "entities")]
        [InlineData("{\"entities\":[{\"id\":\"a\"}}", "entities[0]")]
        [InlineData("{\"entities\" [] }", "entities")]
        [InlineData("{\"entities\":[{\"id\":\"tab\there\"}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":\"a\\x41\"}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":\"\\u12G4\"}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":\"\\ud83d\"}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":\"\\ud83dx\"}]}", "entities[0].id")]
        [InlineData("{\"entities\":[{\"id\":\"\\ude00\\ud83d\"}]}", "entities[0].id")]
        public void Json_that_is_not_standard_is_refused_naming_where(string body, string path)
        {
            foreach (var (text, at) in new[] { (body, path), (body.Replace("\"id\"", "\"name\""), path.Replace(".id", ".name")) })
            {
                var error = Refused(text);

                Assert.Contains($"Path '{at}', line 1, position ", error.Message);
            }
        }

        [Fact]
        public void A_refusal_counts_lines_and_positions_as_the_serializer_does()
        {
            var body = "{\n  \"entities\": [\n    {\"id\": 'a'}]}";

            var error = Refused(body);

            Assert.Contains("Path 'entities[0].id', line 3, position 12.", error.Message);
            Assert.Equal(3, error.LineNumber);
            Assert.Equal(12, error.LinePosition);
        }

        [Fact]
        public void Escapes_and_surrogate_pairs_are_decoded()
        {
            var body = Good.Replace("\"n\"", "\"\\u00e9\\n\\t\\r\\b\\f\\\"\\\\\\/ \\ud83d\\ude00 \\uD83D\\uDE00 \u00e9t\u00e9 \U0001F600\"");

            var client = ReadBytes(Encoding.UTF8.GetBytes(body)).Entities!.Single();

            Assert.Equal("\u00e9\n\t\r\b\f\"\\/ \U0001F600 \U0001F600 \u00e9t\u00e9 \U0001F600", client.Name);
        }

        [Fact]
        public void Member_names_written_with_escapes_or_in_another_case_are_matched()
        {
            var body = "{\"entities\":[{\"\\u0069d\":\"a\",\"NAME\":\"n\",\"Scop\\u0065\":[\"x\"],\"unknown\\u00e9\":1,\"\u00e9\":2}]}";

            var client = ReadBytes(Encoding.UTF8.GetBytes(body)).Entities!.Single();

            Assert.Equal("a", client.Id);
            Assert.Equal("n", client.Name);
            Assert.Equal(new[] { "x" }, client.Scope);
        }

        [Theory]
        [InlineData(new byte[] { 0x80 })]
        [InlineData(new byte[] { 0xC0, 0xAF })]
        [InlineData(new byte[] { 0xC3 })]
        [InlineData(new byte[] { 0xC3, 0x41 })]
        [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
        [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
        [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
        [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]
        [InlineData(new byte[] { 0xFF })]
        public void A_string_that_is_not_well_formed_UTF8_is_refused(byte[] invalid)
        {
            var bytes = Encoding.UTF8.GetBytes("{\"entities\":[{\"id\":\"a").Concat(invalid).Concat(Encoding.UTF8.GetBytes("b\"}]}")).ToArray();

            var error = Assert.ThrowsAny<JsonException>(() => ReadBytes(bytes));

            Assert.Contains("Path 'entities[0].id', line 1, position ", error.Message);
        }

        [Fact]
        public void A_byte_order_mark_is_skipped_only_at_the_start()
        {
            var mark = new byte[] { 0xEF, 0xBB, 0xBF };

            Assert.Equal("a", ReadBytes(mark.Concat(Encoding.UTF8.GetBytes(Good)).ToArray()).Entities!.Single().Id);
            Assert.ThrowsAny<JsonException>(() => ReadBytes(Encoding.UTF8.GetBytes(" ").Concat(mark).Concat(Encoding.UTF8.GetBytes(Good)).ToArray()));
        }

        [Fact]
        public void A_body_that_does_not_fit_its_declared_charset_is_refused()
        {
            var bytes = Encoding.UTF8.GetBytes(Good.Replace("\"n\"", "\"\u00e9\""));

            Assert.ThrowsAny<JsonException>(() => ReadBytes(bytes, Encoding.ASCII));
            Assert.Equal("\u00e9", ReadBytes(Encoding.Latin1.GetBytes(Good.Replace("\"n\"", "\"\u00e9\"")), Encoding.Latin1).Entities!.Single().Name);
        }

        [Fact]
        public void Nesting_up_to_the_depth_limit_is_read_and_one_more_is_refused()
        {
            // The listing, its entities and a client are three levels already.
            string Body(int levels) => "{\"entities\":[{\"id\":\"a\",\"unknown\":" + new string('[', levels) + new string(']', levels) + "}]}";

            Assert.Equal("a", JsonBodies.Read<EntityListingDto<OAuthClientDto>>(Body(JsonBodies.MaxDepth - 3)).Entities!.Single().Id);
            Assert.Contains("MaxDepth of 64", Refused(Body(JsonBodies.MaxDepth - 2)).Message);
        }

        [Fact]
        public void Every_cut_of_a_listing_is_an_error_never_a_shorter_listing()
        {
            var client = Good.Substring("{\"entities\":[".Length, Good.IndexOf("}]", StringComparison.Ordinal) + 1 - "{\"entities\":[".Length);
            var rich = client.Replace("\"n\"", "\"\\u00e9 \\ud83d\\ude00 \u00e9t\u00e9 \U0001F600\"").Replace("}", ",\"dateCreated\":\"2024-01-02T03:04:05.123Z\",\"roleDivisions\":[{\"roleId\":\"r\",\"divisionId\":\"*\"}],\"total\":-1.5e3}");
            var bytes = Encoding.UTF8.GetBytes("{\"entities\":[" + client + "," + rich + "],\"total\":2,\"selfUri\":\"/x\"}");
            for (var cut = 1; cut < bytes.Length; cut++)
            {
                var error = Assert.ThrowsAny<JsonException>(() => ReadBytes(bytes.Take(cut).ToArray()));
                Assert.True(error.Message.Contains("line 1, position ") || error.Message.StartsWith("'", StringComparison.Ordinal), $"cut at {cut}: {error.Message}");
            }

            Assert.Equal(2, ReadBytes(bytes).Entities!.Count);
        }

        [Fact]
        public void The_role_listing_and_a_single_client_are_read_strictly_too()
        {
            Assert.ThrowsAny<JsonException>(() => JsonBodies.Read<EntityListingDto<DomainOrganizationRoleDto>>("{\"entities\":[{\"id\":\"r\",\"permissions\":[\"a\",]}]}"));
            Assert.ThrowsAny<JsonException>(() => JsonBodies.Read<OAuthClientDto>("{\"id\":\"c\"} // done"));
            Assert.Equal("c", JsonBodies.Read<OAuthClientDto>(" {\"id\":\"c\"}\r\n").Id);
        }

        private static JsonReaderException Refused(string body) =>
            Assert.IsType<JsonReaderException>(Assert.ThrowsAny<JsonException>(() => ReadBytes(Encoding.UTF8.GetBytes(body))));

        private static EntityListingDto<OAuthClientDto> ReadBytes(byte[] bytes, Encoding? encoding = null) =>
            JsonBodies.Read<EntityListingDto<OAuthClientDto>>(ApiResponse.From(new HttpResponseMessage(HttpStatusCode.OK), bytes, bytes.Length, encoding ?? Encoding.UTF8));
    }
}
