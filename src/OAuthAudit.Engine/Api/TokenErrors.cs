using System;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Turns the login service's refusals into errors that state what it answered.</summary>
    internal static class TokenErrors
    {
        public static GenesysApiException Rejected(ApiResponse response, TokenResponseDto? answer, string clientId, ApiRequestDescription request)
        {
            var error = answer?.Error;
            var detail = answer?.ErrorDescription;
            var kind = ApiFailureKind.CredentialsRejected;
            string message;
            if (response.Status == 429 || response.Status >= 500)
            {
                kind = response.Status == 429 ? ApiFailureKind.RateLimited : ApiFailureKind.Unavailable;
                message = $"The Genesys Cloud login service answered {response.Status} after {request.Method} {request.Host}{request.Path} was retried ({response.Attempts} {(response.Attempts == 1 ? "try" : "tries")} over {response.Elapsed.TotalSeconds:0.#} s).";
            }
            else if (error == "unauthorized_client" || error == "unsupported_grant_type")
            {
                message = $"OAuth client '{clientId}' is not allowed the Client Credentials grant ({error}: {detail}).";
            }
            else if (error != null)
            {
                message = $"The Genesys Cloud login service rejected client id '{clientId}' ({error}: {detail}).";
            }
            else
            {
                kind = response.IsSuccess ? ApiFailureKind.InvalidResponse : ApiFailureKind.RequestFailed;
                message = $"The Genesys Cloud login service answered {response.Status} ({response.ContentType ?? "no content type"}) without an 'access_token'.";
            }

            return new GenesysApiException(kind, message, request)
            {
                StatusCode = response.Status,
                ApiCode = error,
                ApiMessage = detail,
                CorrelationId = response.CorrelationId,
                Attempts = response.Attempts,
                Elapsed = response.Elapsed,
                FromLoginService = true,
            };
        }

        /// <summary>A 2xx token answer that does not fit the token model (wrong types, a null in it): the field is named.</summary>
        public static GenesysApiException Unreadable(ApiResponse response, ApiRequestDescription request, Exception parseError) =>
            new GenesysApiException(
                ApiFailureKind.InvalidResponse,
                $"The Genesys Cloud login service answered {response.Status} to {request.Method} {request.Host}{request.Path} with a token answer that cannot be used ({ApiErrors.Describe(parseError)}). " +
                "A proxy or gateway may have answered instead of the login service.",
                request,
                parseError)
            {
                StatusCode = response.Status,
                CorrelationId = response.CorrelationId,
                FromLoginService = true,
            };

        /// <summary>The token's characters are the RFC 6750 token68 set (visible ASCII); anything else could split or forge a header.</summary>
        public static bool IsHeaderSafe(string token)
        {
            foreach (var character in token)
            {
                if (character < '!' || character > '~')
                {
                    return false;
                }
            }

            return true;
        }

        public static GenesysApiException UnsafeToken(ApiResponse response, ApiRequestDescription request) =>
            new GenesysApiException(
                ApiFailureKind.TokenRejected,
                $"The Genesys Cloud login service answered {request.Method} {request.Host}{request.Path} with an 'access_token' holding characters no access token has (control characters, line breaks, spaces or non-ASCII). " +
                "The token was not used or sent anywhere. A proxy or gateway may have answered instead of the login service.",
                request)
            {
                StatusCode = response.Status,
                CorrelationId = response.CorrelationId,
                FromLoginService = true,
            };
    }
}
