using System;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Turns an API error answer into an error that states the cause and carries its facts.</summary>
    internal static class ApiErrors
    {
        private static readonly Regex PermissionList = new Regex(@"\[(?<list>[^\]]+)\]", RegexOptions.CultureInvariant);

        public static GenesysApiException FromResponse(ApiResponse response, ApiRequestDescription request, string? requiredPermission)
        {
            var body = JsonBodies.TryRead<ErrorBodyDto>(response.Body);
            var apiMessage = body?.Message;
            var code = body?.Code;
            var correlationId = body?.ContextId ?? response.CorrelationId;
            var missing = response.Status == 403 ? MissingPermissionsOf(body, requiredPermission) : Array.Empty<string>();
            var (kind, cause) = Classify(response, request, missing);
            var apiPart = apiMessage == null
                ? $"status {response.Status}, {response.ContentType ?? "no content type"}"
                : $"API: \"{apiMessage}\", code {code ?? "none"}, status {response.Status}";
            return new GenesysApiException(kind, $"{cause} ({apiPart}, correlation id {correlationId ?? "none"})", request)
            {
                StatusCode = response.Status,
                ApiCode = code,
                ApiMessage = apiMessage,
                CorrelationId = correlationId,
                MissingPermissions = missing,
                Attempts = response.Attempts,
                Elapsed = response.Elapsed,
            };
        }

        public static GenesysApiException InvalidBody(ApiResponse response, ApiRequestDescription request, string expectedModel, Exception parseError) =>
            new GenesysApiException(
                ApiFailureKind.InvalidResponse,
                $"{request} answered {response.Status} with a body that is not the API's {expectedModel} JSON " +
                $"({response.ContentType ?? "no content type"}, {response.Body.Length} characters: {Describe(parseError)}). " +
                $"A proxy or gateway may have answered instead of Genesys Cloud (correlation id {response.CorrelationId ?? "none"}).",
                request,
                parseError)
            {
                StatusCode = response.Status,
                CorrelationId = response.CorrelationId,
            };

        private static (ApiFailureKind Kind, string Cause) Classify(ApiResponse response, ApiRequestDescription request, string[] missing)
        {
            switch (response.Status)
            {
                case 401:
                    return (ApiFailureKind.TokenRejected,
                        $"Genesys Cloud rejected the access token for {request}: it has expired, was revoked, or belongs to another region");
                case 403:
                    return (ApiFailureKind.MissingPermission,
                        $"The auditing OAuth client is missing the permission {string.Join(", ", missing)} needed for {request}");
                case 404:
                    return (ApiFailureKind.NotFound, $"{request} found nothing");
                case 429:
                    return (ApiFailureKind.RateLimited,
                        $"Genesys Cloud kept rate limiting {request}: {Tries(response)}");
                case 502:
                case 503:
                case 504:
                    return (ApiFailureKind.Unavailable,
                        $"Genesys Cloud was unavailable for {request}: {Tries(response)}");
                default:
                    return (ApiFailureKind.RequestFailed, $"{request} failed with status {response.Status}");
            }
        }

        private static string Tries(ApiResponse response) =>
            $"{response.Attempts} {(response.Attempts == 1 ? "try" : "tries")} over {response.Elapsed.TotalSeconds:0.#} s, the last answered {response.Status}";

        private static string[] MissingPermissionsOf(ErrorBodyDto? body, string? requiredPermission)
        {
            var listed = new[] { body?.MessageParams?.Values.FirstOrDefault(), body?.Message }
                .Where(text => text != null)
                .Select(text => PermissionList.Match(text!))
                .FirstOrDefault(match => match.Success)?.Groups["list"].Value;
            if (listed != null)
            {
                return listed.Split(',').Select(permission => permission.Trim()).Where(permission => permission.Length > 0).ToArray();
            }

            return requiredPermission == null ? new[] { "(not named by the API)" } : new[] { requiredPermission };
        }

        /// <summary>The parser's first line, and the field it stopped at when that line does not name it.</summary>
        internal static string Describe(Exception parseError)
        {
            var line = FirstLine(parseError.Message);
            var path = (parseError as Newtonsoft.Json.JsonSerializationException)?.Path ?? (parseError as Newtonsoft.Json.JsonReaderException)?.Path;
            return string.IsNullOrEmpty(path) || line.Contains("'" + path + "'") ? line : $"{line} (at '{path}')";
        }

        private static string FirstLine(string text)
        {
            var end = text.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? text : text.Substring(0, end);
        }
    }
}
