namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// The Debian font files a filing is drawn with. PDFsharp cannot read .ttc collections, so the CJK face
/// must be a plain TrueType file: Droid Sans Fallback covers simplified and traditional Chinese, kana and hangul.
/// </summary>
public static class FontFiles
{
    public const string DejaVuFolder = "/usr/share/fonts/truetype/dejavu";
    public const string DejaVuPackage = "fonts-dejavu-core";
    public const string Cjk = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    public const string CjkPackage = "fonts-droid-fallback";

    public static string DejaVu(bool bold) => Path.Combine(DejaVuFolder, bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");

    /// <summary>Throws a message naming the Debian package when a font file is not installed.</summary>
    public static void EnsureInstalled() =>
        EnsureInstalled((DejaVu(false), DejaVuPackage), (DejaVu(true), DejaVuPackage), (Cjk, CjkPackage));

    internal static void EnsureInstalled(params (string Path, string Package)[] files)
    {
        foreach (var (path, package) in files)
            if (!File.Exists(path))
                throw new FilingFontMissingException($"The font {path} is missing: install the Debian package {package} (apt-get install {package}).");
    }
}

public sealed class FilingFontMissingException(string message) : Exception(message);
