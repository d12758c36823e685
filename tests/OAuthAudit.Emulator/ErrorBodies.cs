using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>The SDK's <c>ErrorBody</c> as the API sends it, and the login host's OAuth error body.</summary>
internal static class ErrorBodies
{
    public static JObject Create(int status, string code, string message, string contextId, string? messageWithParams = null, JObject? messageParams = null)
    {
        var body = new JObject
        {
            ["message"] = message,
            ["code"] = code,
            ["status"] = status,
        };
        if (messageWithParams is not null)
        {
            body["messageWithParams"] = messageWithParams;
            body["messageParams"] = messageParams ?? new JObject();
        }

        body["contextId"] = contextId;
        body["details"] = new JArray();
        body["errors"] = new JArray();
        return body;
    }

    public static JObject AuthenticationRequired(string contextId) =>
        Create(401, "authentication.required", "No authentication bearer token specified in authorization header.", contextId);

    public static JObject BadCredentials(string contextId) =>
        Create(401, "bad.credentials", "Invalid login credentials.", contextId);

    public static JObject MissingPermissions(string permission, string contextId) =>
        Create(
            403,
            "missing.permissions",
            $"Unable to perform the requested action. You are missing the following permission(s): [{permission}]",
            contextId,
            "Unable to perform the requested action. You are missing the following permission(s): {permissions}",
            new JObject { ["permissions"] = $"[{permission}]" });

    public static JObject NotFound(string contextId) =>
        Create(404, "not.found", "The requested resource was not found.", contextId);

    public static JObject BadRequest(string message, string contextId) =>
        Create(400, "bad.request", message, contextId);

    public static JObject MethodNotAllowed(string method, string contextId) =>
        Create(405, "method.not.allowed", $"HTTP method {method} is not supported by this URL.", contextId);

    public static JObject TooManyRequests(int limit, int windowSeconds, string contextId) =>
        Create(429, "too.many.requests", $"Rate limit exceeded the maximum. [{limit}] requests for [{windowSeconds}] seconds", contextId);

    public static JObject ForStatus(int status, string contextId)
    {
        var (code, message) = status switch
        {
            400 => ("bad.request", "The request could not be understood by the server due to malformed syntax."),
            401 => ("bad.credentials", "Invalid login credentials."),
            403 => ("not.authorized", "You are not authorized to perform the requested action."),
            404 => ("not.found", "The requested resource was not found."),
            408 => ("request.timeout", "The request timed out."),
            409 => ("conflict", "The request conflicts with the current state of the resource."),
            429 => ("too.many.requests", "Rate limit exceeded the maximum."),
            500 => ("internal.server.error", "The server encountered an unexpected condition which prevented it from fulfilling the request."),
            502 => ("bad.gateway", "The server received an invalid response from an upstream server."),
            503 => ("service.unavailable", "Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance)."),
            504 => ("gateway.timeout", "The server did not receive a timely response from an upstream server."),
            _ => ("error", $"The request failed with HTTP status {status}."),
        };
        return Create(status, code, message, contextId);
    }

    public static JObject OAuthError(string error, string description) => new()
    {
        ["error"] = error,
        ["description"] = description,
        ["error_description"] = description,
    };
}
