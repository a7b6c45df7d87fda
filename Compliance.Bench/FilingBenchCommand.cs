using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// <c>bench filing</c>: a three-page PCPD filing with Chinese text, composed and rendered repeatedly after a
/// warm-up; prints the median and p90 per filing. The goal (issue 6) is a median of 15 ms or less.
/// </summary>
public static class FilingBenchCommand
{
    public const string Usage = "usage: bench filing [--iterations N]";
    private const int WarmUp = 30;

    // About 1,900 characters of mixed Chinese and English per repetition; eight make the filing three pages.
    private const string Paragraph =
        "二零一九年三月，我們發現支持者資料庫遭到未經授權的存取。入侵者取得了支持者的姓名、香港身份證號碼、電郵地址、電話號碼及通訊地址，" +
        "但沒有取得任何財務資料。我們已即時隔離受影響的伺服器，重設所有管理員密碼，並聘請獨立的資訊保安顧問進行調查。" +
        "The intruders used a stolen administrator password; we have since enforced two-factor sign-in for every account. ";

    public static FilingRequest ThreePageRequest()
    {
        var json = new JsonObject
        {
            ["organisation"] = new JsonObject { ["establishments"] = new JsonArray("HK"), ["timeZone"] = "Asia/Hong_Kong", ["attributes"] = new JsonArray() },
            ["awareAt"] = "2019-03-15T09:00:00+08:00",
            ["dataCategories"] = new JsonArray("name", "national-id", "email", "phone", "postal-address"),
            ["affected"] = new JsonArray(new JsonObject { ["jurisdiction"] = "HK", ["count"] = 2400 }),
            ["exfiltration"] = "confirmed",
            ["encryption"] = "none",
            ["cause"] = "external-attack",
            ["riskLevel"] = "high",
            ["organisationName"] = "國際特赦組織香港分會 (Amnesty International Hong Kong)",
            ["title"] = "支持者資料庫遭入侵 (Intruders in the supporter database)",
            ["filedAt"] = "2019-03-18T10:00:00+08:00",
            ["description"] = string.Concat(Enumerable.Repeat(Paragraph, 8)),
            ["consequences"] = string.Concat(Enumerable.Repeat(Paragraph, 2)),
            ["measures"] = Paragraph,
            ["contact"] = "資料保障主任 Data Protection Officer, dpo@amnesty.example, +852 5555 0100",
            ["occurred"] = "2019-03-10 至 2019-03-15，香港的支持者資料庫伺服器",
            ["discovery"] = "保安監察系統發出異常匯出警報。",
            ["individualsNotice"] = "已於評估後翌日以電郵通知每位受影響的支持者。",
            ["lawEnforcement"] = "已向香港警方報案。",
            ["otherRegulators"] = "沒有。",
        };
        var parsed = FilingRequestParser.Parse(json.ToJsonString());
        return parsed.Request ?? throw new InvalidOperationException("The benchmark filing does not parse: " + string.Join("; ", parsed.Errors.Keys));
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var iterations = 300;
        if (args.Length == 2 && args[0] == "--iterations" && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) && n > 0) iterations = n;
        else if (args.Length != 0)
        {
            stderr.WriteLine(Usage);
            return Task.FromResult(CommandLine.BadInput);
        }

        var request = ThreePageRequest();
        var at = Instant.FromUtc(2019, 3, 18, 2, 0);
        var composer = FilingComposer.Default;
        RenderedFiling rendered = null!;
        for (var i = 0; i < WarmUp; i++) rendered = FilingPdfRenderer.Render(composer.Compose(request, "HK", at));

        var compose = new double[iterations];
        var render = new double[iterations];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var document = composer.Compose(request, "HK", at);
            var composed = Stopwatch.GetTimestamp();
            rendered = FilingPdfRenderer.Render(document);
            compose[i] = Stopwatch.GetElapsedTime(start, composed).TotalMilliseconds;
            render[i] = Stopwatch.GetElapsedTime(composed).TotalMilliseconds;
        }
        var both = compose.Zip(render, (c, r) => c + r).ToArray();

        stdout.WriteLine($"bench filing: PCPD filing with Chinese text, {rendered.PageCount} pages, {rendered.Pdf.Length:N0} bytes; " +
            $"{iterations} filings after {WarmUp} warm-up in {F(total.Elapsed.TotalSeconds)} s on {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        stdout.WriteLine($"  compose + render: median {F(Percentile(both, 50))} ms, p90 {F(Percentile(both, 90))} ms, min {F(both.Min())} ms");
        stdout.WriteLine($"  render only:      median {F(Percentile(render, 50))} ms, p90 {F(Percentile(render, 90))} ms");
        stdout.WriteLine($"  compose only:     median {F(Percentile(compose, 50))} ms");
        return Task.FromResult(CommandLine.Ok);
    }

    private static double Percentile(double[] samples, int percent)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, sorted.Length * percent / 100)];
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
