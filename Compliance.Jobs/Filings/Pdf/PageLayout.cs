using static Compliance.Jobs.Filings.Pdf.PageGeometry;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// Places a filing's blocks on A4 pages, top to bottom. Every position is computed before anything is drawn,
/// so the page count is known when the footers ("Page N of M") are written. Long values flow on to the next
/// page line by line; short rows and headings are not split from what follows them.
/// </summary>
internal sealed class PageLayout(LineBreaker breaker)
{
    private const int KeepTogetherLines = 6;
    private readonly List<LaidOutPage> pages = [];
    private LaidOutPage page = null!;
    private double y;

    public IReadOnlyList<LaidOutPage> Lay(FilingDocument document)
    {
        NewPage();
        TitleBlock(document);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: Heading(h.Text); break;
                case FieldBlock f when f.Wide: WideField(f); break;
                case FieldBlock f: Row(f.Label, f.Value, f.Missing); break;
                case ChecklistBlock c: Row(c.Item, c.Status, c.Missing); break;
                case NoteBlock n: Note(n); break;
            }
        }
        return pages;
    }

    private void TitleBlock(FilingDocument d)
    {
        Lines(breaker.Wrap(d.Title, Title, ContentWidth), Title, Ink.Text, Left);
        y += 2;
        Lines(breaker.Wrap(d.Subtitle, Subtitle, ContentWidth), Subtitle, Ink.Label, Left);
        y += 4;
        Lines(breaker.Wrap(d.StageLabel, Stage, ContentWidth), Stage, Ink.Text, Left);
        y += 6;
        page.Rules.Add(new PlacedRule(Left, Right, y, Light: false));
        y += 10;
    }

    private void Heading(string text)
    {
        var lines = breaker.Wrap(text, PageGeometry.Heading, ContentWidth);
        var needed = 8 + lines.Count * Leading(PageGeometry.Heading) + 4 + 2 * Leading(Body);
        if (y + needed > Bottom) NewPage();
        else y += 8;
        Lines(lines, PageGeometry.Heading, Ink.Text, Left);
        y += 2;
        page.Rules.Add(new PlacedRule(Left, Right, y, Light: false));
        y += 6;
    }

    private void Row(string label, string value, bool missing)
    {
        var labels = breaker.Wrap(label, Label, LabelWidth);
        var values = breaker.Wrap(value, Body, ValueWidth);
        var count = Math.Max(labels.Count, values.Count);
        var leading = Leading(Body);
        if (count <= KeepTogetherLines && y + count * leading > Bottom) NewPage();
        for (var k = 0; k < count; k++)
        {
            if (y + leading > Bottom) NewPage();
            y += leading;
            if (k < labels.Count) page.Lines.Add(new PlacedLine(labels[k], Label, Ink.Label, Left, y - leading * 0.24));
            if (k < values.Count) page.Lines.Add(new PlacedLine(values[k], Body, missing ? Ink.Missing : Ink.Text, ValueLeft, y - leading * 0.24));
        }
        y += 3;
        page.Rules.Add(new PlacedRule(Left, Right, y, Light: true));
        y += 1;
    }

    private void WideField(FieldBlock f)
    {
        var labels = breaker.Wrap(f.Label, Label, ContentWidth);
        var values = breaker.Wrap(f.Value, Body, ContentWidth);
        var leading = Leading(Body);
        if (y + (labels.Count + Math.Min(values.Count, 2)) * leading > Bottom) NewPage();
        y += 2;
        Lines(labels, Label, Ink.Label, Left);
        Lines(values, Body, f.Missing ? Ink.Missing : Ink.Text, Left);
        y += 3;
        page.Rules.Add(new PlacedRule(Left, Right, y, Light: true));
        y += 1;
    }

    private void Note(NoteBlock n)
    {
        y += 4;
        Lines(breaker.Wrap(n.Text, n.Warning ? Label : Body, ContentWidth), n.Warning ? Label : Body, n.Warning ? Ink.Missing : Ink.Muted, Left);
        y += 2;
    }

    private void Lines(List<TextLine> lines, TextStyle style, Ink ink, double x)
    {
        var leading = Leading(style);
        foreach (var line in lines)
        {
            if (y + leading > Bottom) NewPage();
            y += leading;
            page.Lines.Add(new PlacedLine(line, style, ink, x, y - leading * 0.24));
        }
    }

    private void NewPage()
    {
        page = new LaidOutPage();
        pages.Add(page);
        y = Top;
    }
}
