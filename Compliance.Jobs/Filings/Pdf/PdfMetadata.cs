using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PdfSharp.Pdf;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// The document information and file identifier, written so that they depend on the filing only: the creation
/// and modification dates are the filing time in the authority's zone. <see cref="PdfRewriter"/> sets the file identifier.
/// </summary>
internal static class PdfMetadata
{
    private static readonly LocalDateTimePattern Date = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMddHHmmss");

    public static void Apply(PdfDocument pdf, FilingDocument document)
    {
        var info = pdf.Info;
        info.Title = $"{document.Title}: {document.StageLabel}";
        info.Author = document.Author;
        info.Subject = document.Subtitle;
        info.Creator = "Compliance tracker filing renderer";
        info.Keywords = $"content-sha256:{document.ContentHash}";
        var when = PdfDate(document.FiledAt.InZone(document.Zone));
        info.Elements.SetString("/CreationDate", when);
        info.Elements.SetString("/ModDate", when);
        pdf.Language = document.Language;
    }

    // D:YYYYMMDDHHmmSS+HH'mm' (PDF 32000 7.9.4), with the offset of the zone at that instant.
    private static string PdfDate(ZonedDateTime at)
    {
        var offset = at.Offset.ToTimeSpan();
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"D:{Date.Format(at.LocalDateTime)}{sign}{abs.Hours:00}'{abs.Minutes:00}'");
    }
}
