using System.Net;
using System.Text.RegularExpressions;

namespace Compliance.Tests.Pages.Support;

/// <summary>Just enough reading of our own pages' HTML for assertions (no HTML parser is in the package feed).</summary>
public static partial class Html
{
    /// <summary>The page's text with tags removed and entities decoded, whitespace collapsed.</summary>
    public static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    /// <summary>The outer HTML of the first element with this id (elements of the same name nested inside are counted).</summary>
    public static string Element(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element with id '{id}'");
        var open = html.LastIndexOf('<', start);
        var name = TagName().Match(html, open + 1).Value;
        var depth = 0;
        foreach (Match tag in Regex.Matches(html[open..], $"<(/?){name}[\\s>]"))
        {
            depth += tag.Groups[1].Value == "/" ? -1 : 1;
            if (depth == 0) return html[open..(open + tag.Index + tag.Length)];
        }
        return html[open..];
    }

    public static string Attribute(string html, string elementId, string attribute)
    {
        var element = Element(html, elementId);
        var m = Regex.Match(element, $"{attribute}=\"([^\"]*)\"");
        Assert.True(m.Success, $"element '{elementId}' has no {attribute}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static string InputValue(string html, string name)
    {
        var m = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(m.Success, $"no input named '{name}' with a value");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[a-zA-Z0-9]+")]
    private static partial Regex TagName();
}
