namespace Compliance.Tests.Filings.Support;

/// <summary>
/// Finds a label or value in <c>pdftotext -layout</c> output. A label wraps inside its column and the value column
/// sits beside it, so its words come out in order but with the neighbour's words between the wrapped lines:
/// the words must appear in order, with only a few other words between consecutive ones.
/// </summary>
public static class ExtractedText
{
    private const int MaxGap = 30;

    public static bool Holds(string extracted, string expected)
    {
        var haystack = Words(extracted);
        var needle = Words(expected);
        if (needle.Length == 0) return true;
        for (var start = 0; start < haystack.Length; start++)
        {
            if (haystack[start] != needle[0]) continue;
            int at = start, n = 1;
            while (n < needle.Length)
            {
                var next = Array.IndexOf(haystack, needle[n], at + 1, Math.Min(MaxGap, haystack.Length - at - 1));
                if (next < 0) break;
                at = next;
                n++;
            }
            if (n == needle.Length) return true;
        }
        return false;
    }

    public static void AssertHolds(string extracted, string expected, string what) =>
        Assert.True(Holds(extracted, expected), $"{what} \"{expected}\" is not in the extracted text:\n{extracted}");

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
