using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>The API's <c>*EntityListing</c> paging: 1-based page numbers, relative URIs, no <c>nextUri</c> on the last page.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static bool TryReadPageSize(IQueryCollection query, out int pageSize, out string? error) =>
        TryReadInt(query, "pageSize", DefaultPageSize, MaxPageSize, out pageSize, out error);

    public static bool TryReadPageNumber(IQueryCollection query, out int pageNumber, out string? error) =>
        TryReadInt(query, "pageNumber", 1, int.MaxValue, out pageNumber, out error);

    public static JObject Listing(string path, IReadOnlyList<JObject> all, int pageSize, int pageNumber, string filterQuery = "")
    {
        var total = all.Count;
        var pageCount = (int)Math.Ceiling(total / (double)pageSize);
        var skip = (long)(pageNumber - 1) * pageSize;
        var entities = skip >= total ? [] : all.Skip((int)skip).Take(pageSize).Select(e => e.DeepClone());

        var listing = new JObject
        {
            ["entities"] = new JArray(entities),
            ["pageSize"] = pageSize,
            ["pageNumber"] = pageNumber,
            ["total"] = total,
            ["firstUri"] = Uri(path, pageSize, 1, filterQuery),
            ["selfUri"] = Uri(path, pageSize, pageNumber, filterQuery),
        };
        if (pageNumber < pageCount)
        {
            listing["nextUri"] = Uri(path, pageSize, pageNumber + 1, filterQuery);
        }

        if (pageNumber > 1)
        {
            listing["previousUri"] = Uri(path, pageSize, Math.Min(pageNumber - 1, Math.Max(pageCount, 1)), filterQuery);
        }

        listing["lastUri"] = Uri(path, pageSize, Math.Max(pageCount, 1), filterQuery);
        listing["pageCount"] = pageCount;
        return listing;
    }

    private static string Uri(string path, int pageSize, int pageNumber, string filterQuery) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?pageSize={pageSize}&pageNumber={pageNumber}{filterQuery}");

    private static bool TryReadInt(IQueryCollection query, string name, int fallback, int max, out int value, out string? error)
    {
        value = fallback;
        error = null;
        if (!query.TryGetValue(name, out var raw))
        {
            return true;
        }

        var text = raw.ToString();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > max)
        {
            error = $"Value [{text}] is not valid for query parameter [{name}]. Allowable values are: 1 to {max}.";
            return false;
        }

        return true;
    }
}
