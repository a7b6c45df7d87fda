namespace Compliance.Jobs.Filings.Pdf;

/// <summary>The faces a filing uses. CJK text has no bold face; a bold CJK run uses <see cref="Cjk"/>.</summary>
internal enum FontFace { Regular, Bold, Cjk }

/// <summary>How a piece of text is set: its weight and size in points.</summary>
internal readonly record struct TextStyle(bool Bold, double Size)
{
    public FontFace Latin => Bold ? FontFace.Bold : FontFace.Regular;
}
