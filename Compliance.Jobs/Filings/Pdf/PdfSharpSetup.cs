using PdfSharp.Fonts;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// PDFsharp's process-wide settings, made once: our font resolver (PDFsharp 6.2.4 is MIT and needs no licence call).
/// The font check runs first so a missing package gives a clear message instead of a PDFsharp stack trace.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool ready;

    public static void EnsureReady()
    {
        if (ready) return;
        lock (Gate)
        {
            if (ready) return;
            FontFiles.EnsureInstalled();
            GlobalFontSettings.FontResolver = DebianFontResolver.Instance;
            ready = true;
        }
    }
}
