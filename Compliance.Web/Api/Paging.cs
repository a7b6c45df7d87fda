using System.Buffers.Text;
using System.Text.Json;

namespace Compliance.Web.Api;

/// <summary>
/// Keyset paging for every list: <c>?limit=</c> (1–200, 50 when absent) and <c>?after=</c>, an opaque cursor naming the
/// last item of the previous page by its sort key and id. Because the cursor names a position, not an offset, an item
/// added or removed while a tool pages through never makes it skip or repeat one. The list's own order must end with
/// a unique key (the id), which makes it total.
/// </summary>
public readonly record struct PageRequest(int Limit, string[]? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Reads limit and after from the query; a bad one is a 400 naming "limit" or "after".</summary>
    public static (PageRequest Page, IResult? Problem) From(HttpRequest request, int cursorParts)
    {
        var limit = DefaultLimit;
        var rawLimit = request.Query["limit"].ToString();
        if (rawLimit.Length > 0 && (!int.TryParse(rawLimit, out limit) || limit < 1 || limit > MaxLimit))
            return (default, ApiResults.Invalid("limit", $"must be a whole number from 1 to {MaxLimit}."));

        var rawAfter = request.Query["after"].ToString();
        if (rawAfter.Length == 0) return (new PageRequest(limit, null), null);
        var after = Cursor.Decode(rawAfter, cursorParts);
        return after is null
            ? (default, ApiResults.Invalid("after", "is not a cursor this list gave; start again without it."))
            : (new PageRequest(limit, after), null);
    }

    /// <summary>
    /// Pages a list read whole (a small one): the list's order is its items' keys compared ordinally part by part
    /// (build them with <see cref="CursorKey"/>, ending with the id), so the same key both orders the list and marks
    /// the cursor's position, even when the item the cursor names has since gone.
    /// </summary>
    public Paged<T> Slice<T>(IEnumerable<T> items, Func<T, string[]> key)
    {
        var ordered = items.Select(item => (Item: item, Key: key(item))).OrderBy(x => x.Key, KeyOrder.Instance).AsEnumerable();
        if (After is { } after) ordered = ordered.Where(x => KeyOrder.Instance.Compare(x.Key, after) > 0);
        var taken = ordered.Take(Limit + 1).Select(x => x.Item).ToList();
        return Paged<T>.Of(taken, Limit, key);
    }
}

/// <summary>One page: the items and, when more follow, the cursor of the last one.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>From up to limit+1 items read in order: the extra one only says that another page exists.</summary>
    public static Paged<T> Of(IReadOnlyList<T> readOneMore, int limit, Func<T, string[]> key)
    {
        if (readOneMore.Count <= limit) return new(readOneMore, null);
        var page = readOneMore.Take(limit).ToList();
        return new(page, Cursor.Encode(key(page[^1])));
    }

    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor);

    /// <summary>The link to the next page: this request's path and query with after replaced, or null at the end.</summary>
    public string? NextLink(HttpRequest request) => NextCursor is null ? null : PageLinks.After(request, NextCursor);
}

/// <summary>The JSON of a page: the items and the link to the next page (null on the last).</summary>
public sealed record PageResource<T>(IReadOnlyList<T> Items, string? Next)
{
    public static PageResource<T> From(Paged<T> page, HttpRequest request) => new(page.Items, page.NextLink(request));
}

public static class PageLinks
{
    public static string After(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(q => q.Key != "after")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"after={Uri.EscapeDataString(cursor)}");
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}

/// <summary>A cursor is base64url of a JSON array of strings: opaque to callers, checked on the way back in.</summary>
public static class Cursor
{
    public static string Encode(string[] parts) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(parts));

    public static string[]? Decode(string cursor, int parts)
    {
        if (cursor.Length > 1024) return null;
        try
        {
            var decoded = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            return decoded is { } d && d.Length == parts && d.All(p => p is not null) ? d : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>Cursor key parts whose ordinal order is the list's order.</summary>
public static class CursorKey
{
    private const long Shift = 1L << 62;

    /// <summary>Earliest first: the instant's ticks as 20 fixed digits.</summary>
    public static string Ascending(NodaTime.Instant at) => (at.ToUnixTimeTicks() + Shift).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Latest first.</summary>
    public static string Descending(NodaTime.Instant at) => (Shift - at.ToUnixTimeTicks()).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);

    public static string Ascending(long number) => (number + Shift).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(Guid id) => id.ToString("N");
}

internal sealed class KeyOrder : IComparer<string[]>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(string[]? x, string[]? y)
    {
        for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }
}
