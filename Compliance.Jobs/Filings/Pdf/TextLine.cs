namespace Compliance.Jobs.Filings.Pdf;

/// <summary>A piece of a line drawn in one face, at <see cref="X"/> points from the line's start.</summary>
internal sealed record TextRun(FontFace Face, string Text, double X, double Width);

/// <summary>One wrapped line: its runs and its width in points.</summary>
internal sealed record TextLine(IReadOnlyList<TextRun> Runs, double Width)
{
    public static readonly TextLine Empty = new([], 0);
}
