using System.Diagnostics;

namespace Compliance.Tests.Filings.Support;

/// <summary>poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf, run on PDF bytes. All are Debian packages.</summary>
public static class PdfTools
{
    public static string Text(byte[] pdf, int? page = null)
    {
        var range = page is { } p ? $"-f {p} -l {p} " : "";
        return Run("pdftotext", $"-layout -enc UTF-8 {range}{{0}} -", pdf, "poppler-utils").Output;
    }

    public static int PageCount(byte[] pdf)
    {
        var info = Run("pdfinfo", "{0}", pdf, "poppler-utils").Output;
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Fonts(byte[] pdf) => Run("pdffonts", "{0}", pdf, "poppler-utils").Output;

    /// <summary>qpdf --check: its exit code (0 = no errors or warnings) and everything it printed.</summary>
    public static (int ExitCode, string Output) Check(byte[] pdf)
    {
        var (code, output, error) = Run("qpdf", "--check {0}", pdf, "qpdf");
        return (code, output + error);
    }

    private static (int ExitCode, string Output, string Error) Run(string tool, string arguments, byte[] pdf, string package)
    {
        var file = Path.Combine(Path.GetTempPath(), $"filing-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{tool} is not installed: apt-get install -y {package}", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                process.WaitForExit();
                return (process.ExitCode, output.Result, error.Result);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
