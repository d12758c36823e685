using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Endpoints;

/// <summary>The login host: only <c>POST /oauth/token</c> with the client-credentials grant.</summary>
internal sealed class LoginEndpoints(EmulatorCredentials credentials, TokenStore tokens, EmulatorKnobs knobs, TimeProvider time)
{
    public const string TokenPath = "/oauth/token";
    public const string ClientCredentialsGrant = "client_credentials";

    public async Task<EmulatorResponse> AnswerAsync(HttpRequest request, string contextId, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Path.Value, TokenPath, StringComparison.Ordinal))
        {
            return EmulatorResponse.Json(404, ErrorBodies.NotFound(contextId));
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return EmulatorResponse.Json(405, ErrorBodies.MethodNotAllowed(request.Method, contextId)).WithHeader("Allow", "POST");
        }

        if (!BasicCredentials.TryParse(request.Headers.Authorization.ToString(), out var clientId, out var secret))
        {
            return OAuthError(401, "invalid_client", "authentication failed");
        }

        var credential = FindCredential(clientId);
        if (credential is null)
        {
            return OAuthError(400, "invalid_client", "client not found");
        }

        if (!BasicCredentials.Variants(secret).Any(credential.SecretMatches))
        {
            return OAuthError(401, "invalid_client", "authentication failed");
        }

        var grantType = await ReadGrantTypeAsync(request, cancellationToken);
        if (grantType is null)
        {
            return OAuthError(400, "invalid_request", "request body must be application/x-www-form-urlencoded");
        }

        if (grantType.Length == 0)
        {
            return OAuthError(400, "invalid_request", "grant type is required");
        }

        if (!string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            return OAuthError(400, "unsupported_grant_type", "grant type not supported");
        }

        if (!credential.AllowClientCredentials)
        {
            return OAuthError(400, "unauthorized_client", "client is not authorized to use this grant type");
        }

        var lifetime = knobs.TokenLifetime;
        var token = tokens.Issue(credential, time.GetUtcNow() + lifetime);
        var answer = new JObject
        {
            ["access_token"] = token,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)lifetime.TotalSeconds,
        };
        knobs.RewriteTokenAnswer?.Invoke(answer);
        return EmulatorResponse.Json(200, answer).WithHeader("Cache-Control", "no-store");
    }

    private static async Task<string?> ReadGrantTypeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken))["grant_type"].ToString();
        }
        catch (System.IO.InvalidDataException)
        {
            return null;
        }
    }

    private EmulatorCredential? FindCredential(string clientId)
    {
        foreach (var candidate in BasicCredentials.Variants(clientId))
        {
            if (credentials.TryGet(candidate, out var credential))
            {
                return credential;
            }
        }

        return null;
    }

    private static EmulatorResponse OAuthError(int status, string error, string description) =>
        EmulatorResponse.Json(status, ErrorBodies.OAuthError(error, description)).WithHeader("Cache-Control", "no-store");
}
