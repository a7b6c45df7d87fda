using System.Text;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// Wraps text into lines no wider than a width, choosing the font per character. Lines break at spaces and
/// between CJK characters (Chinese has no spaces); a word wider than the line is broken per character.
/// Closing CJK punctuation stays with the character before it. A newline starts a new line.
/// </summary>
internal sealed class LineBreaker(FilingFonts fonts)
{
    private enum Kind { Space, Breakable, Closing, Other }

    private readonly record struct Glyph(int Start, int Length, FontFace Face, double Width, Kind Kind);

    public List<TextLine> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<TextLine>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            WrapParagraph(paragraph, style, width, lines);
        return lines;
    }

    private void WrapParagraph(string text, TextStyle style, double width, List<TextLine> lines)
    {
        var glyphs = Measure(text, style);
        var line = new LineBuilder(text);
        var spaceBefore = false;
        var i = 0;
        while (i < glyphs.Count)
        {
            if (glyphs[i].Kind == Kind.Space)
            {
                spaceBefore = line.Count > 0;
                i++;
                continue;
            }
            var end = TokenEnd(glyphs, i);
            var tokenWidth = 0.0;
            for (var k = i; k < end; k++) tokenWidth += glyphs[k].Width;
            var space = spaceBefore ? fonts.Advance(style.Latin, ' ', style.Size) : 0;

            if (line.Width + space + tokenWidth <= width)
            {
                if (spaceBefore) line.AddSpace(style.Latin, space);
                for (var k = i; k < end; k++) line.Add(glyphs[k]);
            }
            else if (tokenWidth <= width)
            {
                lines.Add(line.Flush());
                for (var k = i; k < end; k++) line.Add(glyphs[k]);
            }
            else
            {
                // Wider than a whole line: start it on a fresh line and cut it wherever the line is full.
                if (line.Count > 0) lines.Add(line.Flush());
                for (var k = i; k < end; k++)
                {
                    if (line.Count > 0 && line.Width + glyphs[k].Width > width) lines.Add(line.Flush());
                    line.Add(glyphs[k]);
                }
            }
            spaceBefore = false;
            i = end;
        }
        lines.Add(line.Flush());
    }

    /// <summary>A token is a run of ordinary characters, or one CJK character with any closing punctuation after it.</summary>
    private static int TokenEnd(List<Glyph> glyphs, int start)
    {
        var end = start + 1;
        if (glyphs[start].Kind == Kind.Breakable || glyphs[start].Kind == Kind.Closing)
        {
            while (end < glyphs.Count && glyphs[end].Kind == Kind.Closing) end++;
            return end;
        }
        while (end < glyphs.Count && glyphs[end].Kind == Kind.Other) end++;
        while (end < glyphs.Count && glyphs[end].Kind == Kind.Closing) end++;
        return end;
    }

    private List<Glyph> Measure(string text, TextStyle style)
    {
        var glyphs = new List<Glyph>(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, at, out var rune) || Rune.IsControl(rune) && rune.Value != '\t')
            {
                at++; // the composer cleans text; a stray control character or lone surrogate is dropped, not drawn
                continue;
            }
            var length = rune.Utf16SequenceLength;
            var cp = rune.Value == '\t' ? ' ' : rune.Value;
            var face = fonts.FaceFor(cp, style);
            var kind = cp == ' ' ? Kind.Space : IsClosing(cp) ? Kind.Closing : IsBreakable(cp) ? Kind.Breakable : Kind.Other;
            glyphs.Add(new Glyph(at, length, face, fonts.Advance(face, cp, style.Size), kind));
            at += length;
        }
        return glyphs;
    }

    // Han, kana, hangul and CJK symbols allow a break before them; Latin words do not.
    private static bool IsBreakable(int cp) =>
        cp is >= 0x2E80 and <= 0x9FFF or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7AF
            or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;

    private static bool IsClosing(int cp) => cp is '，' or '。' or '、' or '；' or '：' or '？' or '！' or '）' or '」' or '』'
        or '》' or '〉' or '】' or '〕' or '．' or '・';

    private sealed class LineBuilder(string text)
    {
        private readonly List<TextRun> runs = [];
        private readonly StringBuilder current = new();
        private FontFace face;
        private double runStart;

        public int Count { get; private set; }
        public double Width { get; private set; }

        public void Add(Glyph g) => Append(g.Face, text.AsSpan(g.Start, g.Length), g.Width);

        public void AddSpace(FontFace latin, double width) => Append(latin, " ", width);

        private void Append(FontFace f, ReadOnlySpan<char> chars, double width)
        {
            if (current.Length > 0 && f != face) CloseRun();
            if (current.Length == 0) { face = f; runStart = Width; }
            current.Append(chars);
            Width += width;
            Count++;
        }

        private void CloseRun()
        {
            runs.Add(new TextRun(face, current.ToString(), runStart, Width - runStart));
            current.Clear();
        }

        public TextLine Flush()
        {
            if (current.Length > 0) CloseRun();
            var line = Count == 0 ? TextLine.Empty : new TextLine(runs.ToArray(), Width);
            runs.Clear();
            Count = 0;
            Width = 0;
            return line;
        }
    }
}
