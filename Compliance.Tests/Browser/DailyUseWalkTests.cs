using System.Text;
using System.Text.RegularExpressions;
using Compliance.Tests.Pages.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

// Issue 14 walked in a real browser, at a desktop width and on a 375 px phone: each fix is seen where a person meets
// it, no page scrolls sideways on the phone, and axe finds nothing serious or critical on any page.
[Collection("Browser")]
public sealed class DailyUseWalkTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Each_daily_use_fix_is_there_at_this_width_and_axe_finds_nothing_serious(int width)
    {
        var problems = new List<string>();
        // The lead has 2FA in this fixture, so the admin logs the incident through the form.
        var logged = await (await fixture.App.SignedInAsync(PagesApp.Admin)).PostAsync("/Incidents/New", "/Incidents/New",
            new IncidentPost(Title: $"Field station laptop ({width})", Jurisdiction: "AQ", Count: "12").Fields());
        var antarctic = Guid.Parse(logged.Headers.Location!.OriginalString["/Incidents/".Length..]);

        // The admin's pages: dashboard, lists, the incident with no rules, the audit log, members, jobs, organisation.
        var admin = await PageAsync(width, PagesApp.Admin);
        var favicon = await admin.GotoAsync("/favicon.ico");
        Assert.Equal(200, favicon!.Status);                                                                     // 12
        foreach (var (path, name, check) in new (string, string, Func<IPage, Task>?)[]
                 {
                     ("/", "dashboard", null),
                     ("/?within=7", "dashboard-7-days", p => Expect(p.GetByText("next 7 days").First).ToBeVisibleAsync()),                // 8
                     ("/Incidents?q=field+station&status=open", "incidents-search", p => Expect(p.GetByText($"Field station laptop ({width})")).ToBeVisibleAsync()),
                     ($"/Incidents/{antarctic}", "incident-without-rules", p => Expect(p.Locator("#no-rules")).ToContainTextAsync("no rules for AQ")), // 6
                     ($"/Incidents/{PagesApp.HongKong2019}", "incident", null),
                     ("/Audit", "audit", p => Expect(p.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync()),           // 9
                     ("/Admin/Members", "members", p => Expect(p.GetByRole(AriaRole.Button, new() { Name = "Invite" })).ToBeVisibleAsync()), // 10
                     ("/Admin/Jobs", "jobs", null),                                                                                          // 8
                     ("/Admin/Organisation", "organisation", null),                                                                          // 11
                 })
        {
            await admin.GotoAsync(path);
            if (check is not null) await check(admin);
            await CheckAsync(admin, width, name, problems);
        }

        // Marking a Hong Kong duty as filed: the time zone is chosen from a list and starts at the authority's.   5
        var hongKongDuty = await fixture.App.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Obligations.Where(o => o.IncidentId == PagesApp.HongKong2019 && o.Jurisdiction == "HK" && o.Status == Compliance.Domain.Obligations.ObligationStatus.Open)));
        await admin.GotoAsync($"/Incidents/{PagesApp.HongKong2019}/Obligations/{hongKongDuty.Id}/Fulfilment");
        await Expect(admin.GetByLabel("Time zone of that time")).ToHaveValueAsync("Asia/Hong_Kong");
        await CheckAsync(admin, width, "mark-as-filed", problems);

        // Legal staff import a list: a file that is not UTF-8 is named by line; a good one is previewed, its extra
        // column kept; the People page finds a person by name.                                                  3, 4
        var legal = await PageAsync(width, PagesApp.Legal);
        var import = $"/Incidents/{PagesApp.Canada2022}/People/Import";
        await legal.GotoAsync(import);
        await legal.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "latin1.csv", MimeType = "text/csv",
            Buffer = Encoding.Latin1.GetBytes("Name,Email,Country,Language\nAnn One,ann@example.org,CA,en\nJosé Müller,jm@example.org,CA,fr\n"),
        });
        await legal.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(legal.Locator("#import-error")).ToContainTextAsync("Line 3 of the file is not UTF-8 text");
        await CheckAsync(legal, width, "import-not-utf8", problems);

        await legal.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "donors.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"Name,Email,Country,Language,Donor number\nAmira Haddad {width},amira.{width}@example.ca,CA,fr,D-{width}\nTom Reid {width},tom.{width}@example.ca,CA,en,D-{width + 1}\n"),
        });
        await legal.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(legal.Locator("#import-preview")).ToContainTextAsync($"D-{width}");
        await legal.Locator("#extra-columns").GetByLabel("Donor number").CheckAsync();
        await CheckAsync(legal, width, "import-preview", problems);
        await legal.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await legal.GetByRole(AriaRole.Button, new() { Name = "Import 2 people" }).ClickAsync();
        await Expect(legal).ToHaveURLAsync(new Regex($"/Incidents/{PagesApp.Canada2022}/People$"));

        await legal.GetByLabel("Name, or an exact email").FillAsync($"amira haddad {width}");
        await legal.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(legal.Locator("#people tbody tr")).ToHaveCountAsync(1);
        await Expect(legal.Locator("#people-range")).ToContainTextAsync("of 1.");
        await CheckAsync(legal, width, "people-search", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<IPage> PageAsync(int width, string email)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[email]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task CheckAsync(IPage page, int width, string name, List<string> problems)
    {
        var result = await page.RunAxe();
        problems.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name} at {width} px: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width) problems.Add($"{name} at {width} px: the page is {scrollWidth} px wide and scrolls sideways");
        await BrowserFixture.ScreenshotAsync(page, $"daily-{width}-{name}");
    }
}
