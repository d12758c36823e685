using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// The hand-written readers of the client and role listings (DtoReaders) against the serializer they replace:
    /// for every member given every kind of value, both accept the same bodies with the same result, and where
    /// the serializer refuses a body the hand reader refuses it too, naming the field. The differences are stricter:
    /// an empty string where the API sends an array or an object is refused (the serializer read it as null), and so is
    /// JSON that is not standard (StrictJsonTests).
    /// </summary>
    public class DtoReaderTests
    {
        private static readonly string[] Values =
        {
            "null", "\"text\"", "\"\"", "\"2026-11-20T06:00:00Z\"", "\"3600\"", "0", "3600", "-1", "1.5", "1e20", "9223372036854775807", "99999999999999999999",
            "true", "false", "{}", "{\"id\":\"x\",\"extra\":[1,{\"a\":null}]}", "[]", "[\"a\",\"b\"]", "[\"a\",null]", "[1,true]", "[{}]", "[{\"roleId\":\"r\",\"divisionId\":\"d\"}]",
            "[null]", "[[]]", "[{\"actionSet\":[null]}]", "[{\"domain\":\"oauth\",\"entityName\":\"client\",\"actionSet\":[\"view\"],\"allowConditions\":true,\"resourceConditionNode\":{\"variableName\":\"x\"}}]",
        };

        private static readonly string[] ClientMembers = Members(typeof(OAuthClientDto));

        private static readonly string[] RoleMembers = Members(typeof(DomainOrganizationRoleDto));

        private static readonly string[] ListingMembers = Members(typeof(EntityListingDto<OAuthClientDto>));

        public static TheoryData<string, string> ClientCases() => Cases(ClientMembers);

        public static TheoryData<string, string> RoleCases() => Cases(RoleMembers);

        public static TheoryData<string, string> ListingCases() => Cases(ListingMembers);

        public static TheoryData<string, string> TokenCases() => Cases(Members(typeof(TokenResponseDto)));

        [Theory]
        [MemberData(nameof(ClientCases))]
        public void A_client_member_with_any_value_reads_as_the_serializer_reads_it(string member, string value) =>
            AssertSame<EntityListingDto<OAuthClientDto>>(Listing(Client(member, value)), member, value);

        [Theory]
        [MemberData(nameof(RoleCases))]
        public void A_role_member_with_any_value_reads_as_the_serializer_reads_it(string member, string value) =>
            AssertSame<EntityListingDto<DomainOrganizationRoleDto>>(Listing(Role(member, value)), member, value);

        [Theory]
        [MemberData(nameof(TokenCases))]
        public void A_token_answer_member_with_any_value_reads_as_the_serializer_reads_it(string member, string value) =>
            AssertSame<TokenResponseDto>(With(JObject.Parse("{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":86399,\"error\":null,\"error_description\":null}"), member, value), member, value);

        [Theory]
        [MemberData(nameof(ListingCases))]
        public void A_listing_member_with_any_value_reads_as_the_serializer_reads_it(string member, string value)
        {
            var body = With(JObject.Parse(Listing(Client(null, null))), member, value);
            AssertSame<EntityListingDto<OAuthClientDto>>(body, member, value);
            AssertSame<EntityListingDto<DomainOrganizationRoleDto>>(body.Replace(Client(null, null), Role(null, null)), member, value);
        }

        [Theory]
        [MemberData(nameof(ClientCases))]
        public void A_single_client_reads_as_the_serializer_reads_it(string member, string value) =>
            AssertSame<OAuthClientDto>(Client(member, value), member, value);

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("1")]
        [InlineData("\"listing\"")]
        [InlineData("<html><body>Bad gateway</body></html>")]
        [InlineData("{")]
        [InlineData("{\"entities\":[{\"id\":\"a\"},")]
        [InlineData("{\"entities\":[{\"id\":\"a\",\"scope\":[\"x\"],\"scope\":[\"y\"],\"name\":\"one\",\"name\":\"two\"}]}")]
        [InlineData("{\"entities\":[{\"id\":\"a\"}],\"entities\":[{\"id\":\"b\"}]}")]
        [InlineData("{\"entities\":[{\"id\":\"a\",\"createdBy\":{\"id\":\"u\"},\"createdBy\":{\"name\":\"n\"},\"roleDivisions\":[{\"roleId\":\"r\"}],\"roleDivisions\":null}]}")]
        [InlineData("{\"ENTITIES\":[{\"ID\":\"a\",\"Scope\":[\"x\"],\"AuthorizedGrantType\":\"CODE\"}],\"PageCount\":1}")]
        [InlineData("{\"entities\":[{\"id\":\"a\",\"secret\":\"s3cr3t\",\"unknown\":{\"deep\":[[[{}]]]}}]}")]
        public void Odd_bodies_read_as_the_serializer_reads_them(string body)
        {
            AssertSame<EntityListingDto<OAuthClientDto>>(body, null);
            AssertSame<EntityListingDto<DomainOrganizationRoleDto>>(body.Replace("\"scope\"", "\"permissions\""), null);
        }

        [Fact]
        public void Nesting_past_the_depth_limit_is_refused_inside_an_unknown_member()
        {
            var deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
            var body = "{\"entities\":[{\"id\":\"a\",\"unknown\":" + deep + "}]}";

            AssertSame<EntityListingDto<OAuthClientDto>>(body, null);
            Assert.Contains("MaxDepth", Assert.ThrowsAny<JsonException>(() => JsonBodies.Read<EntityListingDto<OAuthClientDto>>(body)).Message);
        }

        [Fact]
        public void Every_cut_of_a_listing_is_refused_as_the_serializer_refuses_it()
        {
            var body = Listing(Client("roleDivisions", "[{\"roleId\":\"r\",\"divisionId\":\"d\"}]"));
            for (var cut = 0; cut < body.Length; cut++)
            {
                AssertSame<EntityListingDto<OAuthClientDto>>(body.Substring(0, cut), null);
            }
        }

        [Fact]
        public void A_null_in_a_list_is_named_by_its_path()
        {
            var body = Listing(Client(null, null), Client("roleDivisions", "[{\"roleId\":\"r\"},null]"));

            var error = Assert.ThrowsAny<JsonException>(() => JsonBodies.Read<EntityListingDto<OAuthClientDto>>(body));

            Assert.Contains("'entities[1].roleDivisions[1]' is null where the API sends a value", error.Message);
        }

        [Fact]
        public void A_body_read_from_its_bytes_reads_as_its_text()
        {
            var text = Listing(Client("name", "\"Zoë \\u00e9t\u00e9 \u2603\""));
            foreach (var encoding in new System.Text.Encoding[] { new System.Text.UTF8Encoding(true), new System.Text.UTF8Encoding(false), System.Text.Encoding.Unicode })
            {
                var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
                var response = ApiResponse.From(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK), bytes, bytes.Length, encoding);

                Assert.Equal("Zoë été ☃", JsonBodies.Read<EntityListingDto<OAuthClientDto>>(response).Entities![0].Name);
                Assert.Equal(text, response.Body);
            }
        }

        private static void AssertSame<T>(string body, string? member, string? value = null)
            where T : class
        {
            var expected = Serialized<T>(body, out var refused);
            string actual;
            try
            {
                actual = Json(JsonBodies.Read<T>(body));
            }
            catch (JsonException error)
            {
                var stricter = value == "\"\"" && (error.Message.Contains("is a string where the API sends an array") || error.Message.Contains("is a string where the API sends an object"));
                Assert.True(refused != null || stricter, $"The hand reader refused what the serializer reads ({ApiErrors.Describe(error)}): {body}");
                if (member != null)
                {
                    Assert.Contains(member, ApiErrors.Describe(error), StringComparison.Ordinal);
                }

                return;
            }

            Assert.True(refused == null, $"The hand reader read what the serializer refuses ({refused}): {body}");
            Assert.Equal(expected, actual);
        }

        /// <summary>The serializer as JsonBodies used it for every body: its settings, then the walk for nulls in lists.</summary>
        private static string? Serialized<T>(string body, out string? refused)
            where T : class
        {
            refused = null;
            try
            {
                using (var reader = new JsonTextReader(new StringReader(body)))
                {
                    var value = JsonSerializer.Create(JsonBodies.Settings).Deserialize<T>(reader);
                    refused = value == null ? "empty" : NullElements.FirstIn(value);
                    return refused == null ? Json(value!) : null;
                }
            }
            catch (Exception error) when (error is JsonException || error is FormatException || error is OverflowException || error is InvalidCastException || error is ArgumentException)
            {
                refused = error.Message;
                return null;
            }
        }

        private static string Json(object value) => JsonConvert.SerializeObject(value, new JsonSerializerSettings { DateTimeZoneHandling = DateTimeZoneHandling.Utc });

        private static TheoryData<string, string> Cases(string[] members)
        {
            var cases = new TheoryData<string, string>();
            foreach (var member in members)
            {
                foreach (var value in Values)
                {
                    cases.Add(member, value);
                }
            }

            return cases;
        }

        private static string[] Members(Type dto) => dto.GetProperties()
            .Select(property => property.GetCustomAttributes(typeof(JsonPropertyAttribute), false).Cast<JsonPropertyAttribute>().Single().PropertyName!)
            .ToArray();

        private static string Listing(params string[] entities) => "{\"entities\":[" + string.Join(",", entities) + "],\"pageSize\":2,\"pageNumber\":1,\"total\":2,\"pageCount\":1,\"selfUri\":\"/api/v2/x\"}";

        private static string Client(string? member, string? value) => With(JObject.Parse("""
            {"id":"c1","name":"Client","description":"d","authorizedGrantType":"CLIENT-CREDENTIALS","state":"active","accessTokenValiditySeconds":86400,
             "registeredRedirectUri":["https://a.example/cb"],"scope":["admin","users:readonly"],"roleIds":["r1"],"roleDivisions":[{"roleId":"r1","divisionId":"*"}],
             "dateCreated":"2024-01-02T03:04:05Z","dateModified":"2024-01-02T03:04:05.123+02:00","createdBy":{"id":"u1","name":"U","selfUri":"/u1"},
             "modifiedBy":{"id":"u2"},"dateToDelete":null,"selfUri":"/api/v2/oauth/clients/c1","secret":"never-read","organization":{"id":"o"}}
            """), member, value);

        private static string Role(string? member, string? value) => With(JObject.Parse("""
            {"id":"r1","name":"Role","description":"d","permissions":["admin"],"default":false,"selfUri":"/r1","userCount":3,
             "permissionPolicies":[{"domain":"oauth","entityName":"client","policyName":"p","actionSet":["view","edit"],"allowConditions":false,"resourceConditionNode":null,"id":"p1"}]}
            """), member, value);

        private static string With(JObject entity, string? member, string? value)
        {
            if (member != null)
            {
                entity[member] = JToken.Parse(value!);
            }

            return entity.ToString(Formatting.None);
        }
    }
}
