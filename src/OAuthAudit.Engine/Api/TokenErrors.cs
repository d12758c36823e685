using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Turns the login service's refusals into errors that say what to fix.</summary>
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
                message = $"The Genesys Cloud login service answered {response.Status} after {request.Method} {request.Host}{request.Path} was retried; try again later.";
            }
            else if (error == "unauthorized_client" || error == "unsupported_grant_type")
            {
                message = $"OAuth client '{clientId}' is not allowed the Client Credentials grant ({error}: {detail}). " +
                    "Create or pick an OAuth client whose grant type is Client Credentials, give it a role with oauth:client:view, and connect with its id and secret.";
            }
            else if (error != null)
            {
                message = $"The Genesys Cloud login service rejected client id '{clientId}' ({error}: {detail}). " +
                    "Check the client id and secret (-ClientId/-ClientSecret, -Credential, or GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET) and that -Region or -Environment names the organization's region.";
            }
            else
            {
                kind = response.IsSuccess ? ApiFailureKind.InvalidResponse : ApiFailureKind.RequestFailed;
                message = $"The Genesys Cloud login service answered {response.Status} ({response.ContentType ?? "no content type"}) without an access token. " +
                    "Check that -LoginBaseUri or -Environment points at a Genesys Cloud login service.";
            }

            return new GenesysApiException(kind, message, request)
            {
                StatusCode = response.Status,
                ApiCode = error,
                ApiMessage = detail,
                CorrelationId = response.CorrelationId,
            };
        }
    }
}
