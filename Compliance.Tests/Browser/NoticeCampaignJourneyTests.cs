using System.Text;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using CsvHelper;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

// The issue's "done when", in a real browser: a legal officer imports the Hong Kong seed's supporters, sends each a
// notice in their language through SMTP, sees who received it and downloads the proof; the flagged activists get nothing.
[Collection("Browser")]
public sealed class NoticeCampaignJourneyTests(BrowserFixture browser, NoticeCampaignJourneyFixture fixture) : IClassFixture<NoticeCampaignJourneyFixture>
{
    [Fact]
    public async Task A_legal_officer_imports_the_supporters_a_second_person_approves_each_gets_one_notice_in_their_language_and_the_activists_none()
    {
        var doNotEmail = HongKongCampaign.Supporters.Single(s => s.AtRisk && s.Note.Contains("do not email", StringComparison.OrdinalIgnoreCase));
        var viaLawyer = HongKongCampaign.Supporters.Single(s => s.AtRisk && s != doNotEmail);
        var emailed = HongKongCampaign.Supporters.Where(s => s.Email.Length > 0 && !s.AtRisk).ToList();
        var chinese = emailed.First(s => s.Language == "zh-Hant" && s.Name.All(c => c > 0x2E80));
        var english = emailed.First(s => s.Language == "en");
        var csvFile = Path.Combine(Path.GetTempPath(), $"hong-kong-supporters-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csvFile, DemoSeeder.HongKongSupporters, new UTF8Encoding(false));
        var a11y = new List<string>();

        try
        {
            // 1. Legal signs in, opens the Hong Kong incident and imports the list.
            var legal = await browser.NewPageAsync(fixture.App.Address);
            await fixture.SignInAsync(legal, PagesApp.Legal);
            await legal.GotoAsync("/Incidents");
            await legal.GetByRole(AriaRole.Link, new() { Name = "INC-2019-001" }).ClickAsync();
            await legal.Locator("#people-link").ClickAsync();
            await Expect(legal.GetByRole(AriaRole.Heading, new() { Name = "Affected people", Level = 1 })).ToBeVisibleAsync();
            await legal.Locator("#import-link").ClickAsync();
            await legal.GetByLabel("CSV file").SetInputFilesAsync(csvFile);
            await legal.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Expect(legal.Locator("#mapping")).ToBeVisibleAsync();
            await legal.GetByLabel("Name (required)").SelectOptionAsync("Name");
            await legal.GetByLabel("Jurisdiction (ISO code, e.g. HK, US-CA) (required)").SelectOptionAsync("Country");
            await legal.GetByLabel("Email", new() { Exact = true }).SelectOptionAsync("Email");
            await legal.GetByLabel("Language (e.g. en, zh-Hant)").SelectOptionAsync("Language");
            await legal.GetByLabel("Phone").SelectOptionAsync("Phone");
            await legal.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            var perJurisdiction = string.Join(", ", HongKongCampaign.Supporters.GroupBy(s => s.Jurisdiction).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            await Expect(legal.Locator("#import-summary")).ToHaveTextAsync($"{HongKongCampaign.Supporters.Count} row(s): {perJurisdiction}; 0 problem(s).");
            await CheckAccessibilityAsync(legal, "people-import-check", a11y);
            await BrowserFixture.ScreenshotAsync(legal, "10-people-import-check");
            await legal.GetByRole(AriaRole.Button, new() { Name = $"Import {HongKongCampaign.Supporters.Count} people" }).ClickAsync();
            await Expect(legal).ToHaveURLAsync(new Regex($"/Incidents/{PagesApp.HongKong2019}/People$"));
            await Expect(legal.Locator("#people tbody tr")).ToHaveCountAsync(HongKongCampaign.Supporters.Count);

            // 2. The two activists: one must never be emailed, the other is reached through a trusted lawyer.
            var first = legal.Locator("#people tbody tr", new() { HasText = doNotEmail.Name });
            await first.Locator("summary").ClickAsync();
            await first.GetByLabel("Do not email").CheckAsync();
            await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(legal.Locator("#people-message")).ToContainTextAsync("People with a flag never receive an email notice.");
            var second = legal.Locator("#people tbody tr", new() { HasText = viaLawyer.Name });
            await second.Locator("summary").ClickAsync();
            await second.GetByLabel("Reach through (trusted person)").FillAsync("Their lawyer, through the Hong Kong office");
            await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(legal.Locator("#people-message")).ToBeVisibleAsync();
            var worklist = legal.Locator("#worklist");
            await Expect(worklist.Locator("tbody tr", new() { HasText = doNotEmail.Name })).ToHaveCountAsync(1);
            await Expect(worklist.Locator("tbody tr", new() { HasText = viaLawyer.Name })).ToHaveCountAsync(1);
            foreach (var withoutEmail in HongKongCampaign.Supporters.Where(s => s.Email.Length == 0))
                await Expect(worklist.Locator("tbody tr", new() { HasText = withoutEmail.Name })).ToHaveCountAsync(1);
            await CheckAccessibilityAsync(legal, "people", a11y);
            await BrowserFixture.ScreenshotAsync(legal, "11-people-flagged");

            // 3. Every part of the notice, then what one Chinese-speaking supporter would receive.
            await legal.Locator("#notices-link").ClickAsync();
            // One tab per language the supporters need, the missing ones named until written.
            await Expect(legal.Locator("#notice-missing-languages")).ToContainTextAsync("Chinese (Traditional) (zh-Hant)");
            foreach (var (language, parts) in HongKongCampaign.NoticeTexts)
            {
                await legal.Locator($"#language-tab-{language}").ClickAsync();
                foreach (var (label, text) in parts)
                    await legal.GetByLabel(label, new() { Exact = true }).FillAsync(text);
                await legal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(legal.Locator("#notice-message")).ToHaveTextAsync("Saved.");
            }
            await Expect(legal.Locator("#notice-missing-languages")).ToHaveCountAsync(0);
            await legal.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = $"{chinese.Name} ({chinese.Jurisdiction}, {chinese.Language})" });
            await legal.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            await Expect(legal.Locator("#notice-text")).ToContainTextAsync(chinese.Name);
            await Expect(legal.Locator("#notice-text")).ToContainTextAsync("事件經過：我們發現有國家支持的入侵者");
            await Expect(legal.Locator("#notice-ready")).ToBeVisibleAsync();
            await CheckAccessibilityAsync(legal, "notice", a11y);
            await BrowserFixture.ScreenshotAsync(legal, "12-notice-preview");

            // 4. A campaign for everyone who can be emailed; its preparer cannot approve it.
            await legal.Locator("#campaigns-link").ClickAsync();
            var audience = await legal.Locator("#campaign-jurisdictions label").AllTextContentsAsync();
            Assert.Equal(emailed.Count, audience.Sum(label => int.Parse(Regex.Match(label, @"\((\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            await legal.GetByLabel("Name (optional)").FillAsync("Hong Kong supporters, first wave");
            await legal.GetByRole(AriaRole.Button, new() { Name = "Prepare the campaign" }).ClickAsync();
            await Expect(legal).ToHaveURLAsync(new Regex(@"/Campaigns/[0-9a-f-]{36}$"));
            var campaignPath = new Uri(legal.Url).AbsolutePath;
            var campaignId = Guid.Parse(campaignPath[(campaignPath.LastIndexOf('/') + 1)..]);
            await Expect(legal.Locator("#campaign-state")).ToHaveTextAsync("Awaiting approval");
            await Expect(legal.Locator("#second-person")).ToContainTextAsync("someone else must approve it");
            await Expect(legal.Locator("#approve-campaign")).ToHaveCountAsync(0);
            await CheckAccessibilityAsync(legal, "campaign-awaiting-approval", a11y);
            await BrowserFixture.ScreenshotAsync(legal, "13-campaign-awaiting-approval");
            await legal.GotoAsync($"/Incidents/{PagesApp.HongKong2019}/Campaigns");
            await Expect(legal.Locator("#campaigns tbody tr")).ToHaveCountAsync(1);
            await CheckAccessibilityAsync(legal, "campaigns", a11y);
            Assert.Empty(fixture.Sink.Messages());

            // 5. The security lead approves; the scheduler's campaign job sends, and the page refreshes itself until done.
            var lead = await browser.NewPageAsync(fixture.App.Address);
            await fixture.SignInAsync(lead, PagesApp.Lead, fixture.LeadAuthenticatorKey);
            await lead.GotoAsync(campaignPath);
            // 周慧敏 reads Traditional Chinese in British Columbia, where the templates are English and French: shown, and confirmed.
            await Expect(lead.Locator("#campaign-fallbacks")).ToContainTextAsync("1 person reads Chinese (Traditional) (zh-Hant) but will receive the notice in English (en)");
            await CheckAccessibilityAsync(lead, "campaign-language-fallbacks", a11y);
            await lead.Locator("#fallbacks-seen").CheckAsync();
            await lead.GetByRole(AriaRole.Button, new() { Name = "Approve and start sending" }).ClickAsync();
            await Expect(lead.Locator("#campaign-approved")).ToContainTextAsync(PagesApp.Lead);
            await Expect(lead.Locator("#campaign-state")).ToHaveTextAsync("Completed", new() { Timeout = 20_000 });
            var n = emailed.Count;
            await Expect(lead.Locator("#campaign-progress")).ToHaveTextAsync($"{n} of {n} done: {n} sent, 0 failed, 0 withheld.");
            await BrowserFixture.ScreenshotAsync(lead, "20-campaign-sent");

            // 6. At the mail server: one message per person, in their language; nothing for the activists.
            var received = fixture.Sink.Received();
            var notices = received.Where(m => m.MessageId.StartsWith($"<notice.{campaignId:N}.", StringComparison.Ordinal)).ToList();
            Assert.Equal(n, notices.Count);
            Assert.Equal(n, notices.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(emailed.Select(s => s.Email).Order(), notices.Select(To).Order());
            Assert.DoesNotContain(received, m => To(m) == doNotEmail.Email || To(m) == viaLawyer.Email);
            var toChinese = notices.Single(m => To(m) == chinese.Email);
            Assert.Equal("zh-Hant", toChinese.Header("Content-Language"));
            Assert.Contains(chinese.Name, toChinese.Parts.Single(p => p.ContentType == "text/plain").Body);
            Assert.Contains("涉及的資料：姓名、身份證號碼", toChinese.Parts.Single(p => p.ContentType == "text/plain").Body);
            Assert.DoesNotContain("State-sponsored", toChinese.Parts.Single(p => p.ContentType == "text/plain").Body);
            Assert.Equal("en", notices.Single(m => To(m) == english.Email).Header("Content-Language"));

            // 7. Legal sees who received it and downloads the proof.
            await legal.GotoAsync(campaignPath);
            await Expect(legal.Locator("#campaign-state")).ToHaveTextAsync("Completed");
            await Expect(legal.Locator("#campaign-progress")).ToHaveTextAsync($"{n} of {n} done: {n} sent, 0 failed, 0 withheld.");
            await CheckAccessibilityAsync(legal, "campaign-sent", a11y);
            await BrowserFixture.ScreenshotAsync(legal, "21-campaign-proof");

            var csvDownload = await legal.RunAndWaitForDownloadAsync(() => legal.Locator("#proof-csv").ClickAsync());
            Assert.EndsWith(".csv", csvDownload.SuggestedFilename);
            var rows = ReadProofCsv(await File.ReadAllBytesAsync((await csvDownload.PathAsync())!));
            Assert.Equal(emailed.Select(s => s.Email).Order(), rows.Select(r => r["email"]).Order());
            Assert.All(rows, r => Assert.Equal(("sent", "yes"), (r["state"], r["confirmed"])));
            Assert.Equal(notices.Select(m => m.MessageId).Order(), rows.Select(r => r["message_id"]).Order());

            var pdfDownload = await legal.RunAndWaitForDownloadAsync(() => legal.Locator("#proof-pdf").ClickAsync());
            Assert.EndsWith(".pdf", pdfDownload.SuggestedFilename);
            Assert.Contains("Proof of notification", PdfTools.Text(await File.ReadAllBytesAsync((await pdfDownload.PathAsync())!)));

            // 8. No serious or critical accessibility problem on the pages of the journey.
            Assert.True(a11y.Count == 0, string.Join("\n", a11y));
        }
        finally
        {
            File.Delete(csvFile);
        }
    }

    private static string To(ReceivedMessage message) =>
        Regex.Match(message.Header("To") ?? "", @"[^<>\s,""]+@[^<>\s,""]+").Value;

    private static List<Dictionary<string, string>> ReadProofCsv(byte[] bytes)
    {
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        csv.ReadHeader();
        Assert.Equal(CampaignProofCsv.Columns, csv.Headers);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(CampaignProofCsv.Columns.Select((column, i) => (column, csv.GetString(i))).ToDictionary(c => c.column, c => c.Item2));
        return rows;
    }

    private static async Task CheckAccessibilityAsync(IPage page, string name, List<string> problems)
    {
        var result = await page.RunAxe();
        problems.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
    }
}
