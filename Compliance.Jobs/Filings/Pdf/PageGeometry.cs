namespace Compliance.Jobs.Filings.Pdf;

/// <summary>A4 in points, with the margins, columns and type sizes of a filing.</summary>
internal static class PageGeometry
{
    public const double Width = 595.28, Height = 841.89;
    public const double Left = 56, Right = Width - 56, Top = 56, Bottom = Height - 70;
    public const double ContentWidth = Right - Left;
    public const double LabelWidth = 165, ColumnGap = 12;
    public const double ValueLeft = Left + LabelWidth + ColumnGap, ValueWidth = Right - ValueLeft;
    public const double FooterBaseline = Height - 40;

    public static readonly TextStyle Title = new(true, 16), Subtitle = new(false, 10.5), Stage = new(true, 12.5);
    public static readonly TextStyle Heading = new(true, 11.5), Label = new(true, 9), Body = new(false, 9.5), Footer = new(false, 7.5);

    /// <summary>Baseline-to-baseline distance for a style.</summary>
    public static double Leading(TextStyle style) => Math.Round(style.Size * 1.32, 2);
}
