namespace Compliance.Jobs.Filings.Pdf;

/// <summary>A filing as PDF bytes, with its page count.</summary>
public sealed record RenderedFiling(byte[] Pdf, int PageCount);
