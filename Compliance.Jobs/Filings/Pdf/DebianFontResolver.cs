using PdfSharp.Fonts;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>Maps our three faces to Debian's files. There is no CJK bold face: CJK text is drawn in the regular one.</summary>
internal sealed class DebianFontResolver : IFontResolver
{
    public const string DejaVu = "DejaVu Sans", Cjk = "Droid Sans Fallback";
    private const string RegularFace = "DejaVuSans", BoldFace = "DejaVuSans-Bold", CjkFace = "DroidSansFallbackFull";

    public static readonly DebianFontResolver Instance = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Cjk => new FontResolverInfo(CjkFace),
        _ => new FontResolverInfo(bold ? BoldFace : RegularFace),
    };

    public byte[]? GetFont(string faceName) => faceName switch
    {
        CjkFace => File.ReadAllBytes(FontFiles.Cjk),
        BoldFace => File.ReadAllBytes(FontFiles.DejaVu(bold: true)),
        _ => File.ReadAllBytes(FontFiles.DejaVu(bold: false)),
    };
}
