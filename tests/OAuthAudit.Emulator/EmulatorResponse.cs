using System;
using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

internal sealed class EmulatorResponse
{
    public const string JsonContentType = "application/json";

    public EmulatorResponse(int status, byte[] body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public byte[] Body { get; private set; }

    public string? ContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for answers that model a proxy in front of the API, which adds no <c>inin-*</c> headers.</summary>
    public bool FromProxy { get; init; }

    public static EmulatorResponse Json(int status, JToken body) =>
        new(status, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)), JsonContentType);

    public static EmulatorResponse Text(int status, string body, string contentType) =>
        new(status, Encoding.UTF8.GetBytes(body), contentType);

    public EmulatorResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public void Truncate() => Body = Body.AsSpan(0, Body.Length / 2).ToArray();
}
