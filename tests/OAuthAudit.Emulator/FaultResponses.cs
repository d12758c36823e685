using System;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace OAuthAudit.Emulator;

internal static class FaultResponses
{
    public static EmulatorResponse Create(Fault fault, string contextId)
    {
        var response = fault.Kind == FaultKind.HtmlBody
            ? new EmulatorResponse(fault.Status, System.Text.Encoding.UTF8.GetBytes(fault.Body ?? HtmlPage(fault.Status)), fault.ContentType ?? "text/html") { FromProxy = true }
            : fault.Body is null
                ? EmulatorResponse.Json(fault.Status, ErrorBodies.ForStatus(fault.Status, contextId))
                : EmulatorResponse.Text(fault.Status, fault.Body, fault.ContentType ?? EmulatorResponse.JsonContentType);

        if (fault.RetryAfter is TimeSpan retryAfter)
        {
            response.WithHeader("Retry-After", Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in fault.Headers)
        {
            response.WithHeader(name, value);
        }

        return response;
    }

    private static string HtmlPage(int status)
    {
        var title = $"{status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
        return $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n";
    }
}
