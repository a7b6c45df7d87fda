namespace Compliance.Jobs.Filings.Pdf;

/// <summary>What colour a line is drawn in.</summary>
internal enum Ink { Text, Label, Missing, Muted }

/// <summary>A line placed on a page: left edge and baseline in points from the top-left corner.</summary>
internal sealed record PlacedLine(TextLine Line, TextStyle Style, Ink Ink, double X, double Baseline);

/// <summary>A horizontal rule from <see cref="X1"/> to <see cref="X2"/>; light rules separate table rows.</summary>
internal sealed record PlacedRule(double X1, double X2, double Y, bool Light);

/// <summary>One page's lines and rules, before the footer is added.</summary>
internal sealed class LaidOutPage
{
    public List<PlacedLine> Lines { get; } = [];
    public List<PlacedRule> Rules { get; } = [];
}
