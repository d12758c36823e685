using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The login service's answer to POST /oauth/token: a token, or an OAuth error.</summary>
    internal sealed class TokenResponseDto
    {
        [JsonProperty("access_token")] public string? AccessToken { get; set; }
        [JsonProperty("token_type")] public string? TokenType { get; set; }
        /// <summary>Seconds; a double so that a huge or fractional value is read, then bounded, rather than failing the parse.</summary>
        [JsonProperty("expires_in")] public double? ExpiresIn { get; set; }
        [JsonProperty("error")] public string? Error { get; set; }
        [JsonProperty("error_description")] public string? ErrorDescription { get; set; }
    }
}
