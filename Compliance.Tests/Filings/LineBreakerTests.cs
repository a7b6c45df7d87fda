using Compliance.Jobs.Filings.Pdf;

namespace Compliance.Tests.Filings;

// Wrapping: PDFsharp's own formatter breaks only at spaces, so Chinese and long words would overflow the page.
public sealed class LineBreakerTests
{
    private static readonly LineBreaker Breaker = new(FilingFonts.Instance);
    private static readonly TextStyle Body = new(false, 9.5);

    [Fact]
    public void A_word_wider_than_the_line_is_broken_per_character_and_no_line_overflows()
    {
        var lines = Breaker.Wrap(new string('W', 400), Body, 200);
        Assert.True(lines.Count > 5);
        Assert.All(lines, l => Assert.True(l.Width <= 200.0001, $"{l.Width}"));
        Assert.Equal(400, lines.Sum(l => l.Runs.Sum(r => r.Text.Length)));
    }

    [Fact]
    public void Chinese_without_spaces_wraps_between_characters_in_the_CJK_face()
    {
        var lines = Breaker.Wrap(string.Concat(Enumerable.Repeat("國際特赦組織香港分會", 20)), Body, 150);
        Assert.True(lines.Count > 5);
        Assert.All(lines, l => Assert.True(l.Width <= 150.0001));
        Assert.All(lines.SelectMany(l => l.Runs), r => Assert.Equal(FontFace.Cjk, r.Face));
    }

    [Fact]
    public void Mixed_text_is_split_into_runs_by_the_font_that_has_the_glyph()
    {
        var line = Assert.Single(Breaker.Wrap("Amnesty 國際 HK", Body, 500));
        Assert.Equal([FontFace.Regular, FontFace.Cjk, FontFace.Regular], line.Runs.Select(r => r.Face));
        Assert.Equal(["Amnesty ", "國際", " HK"], line.Runs.Select(r => r.Text));
        Assert.Equal(line.Runs[0].Width, line.Runs[1].X, 6);
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_line()
    {
        var lines = Breaker.Wrap(string.Concat(Enumerable.Repeat("我們已通知警方。", 30)), Body, 120);
        Assert.All(lines.Skip(1), l => Assert.NotEqual('。', l.Runs[0].Text[0]));
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept()
    {
        Assert.Equal(3, Breaker.Wrap("one\ntwo\n\nthree", Body, 500).Count(l => l.Runs.Count > 0));
        Assert.Equal(4, Breaker.Wrap("one\ntwo\n\nthree", Body, 500).Count);
    }

    [Fact]
    public void A_missing_CJK_font_names_the_Debian_package_to_install()
    {
        var e = Assert.Throws<FilingFontMissingException>(() => FontFiles.EnsureInstalled(("/nonexistent/DroidSansFallbackFull.ttf", FontFiles.CjkPackage)));
        Assert.Contains("apt-get install fonts-droid-fallback", e.Message);
    }
}
