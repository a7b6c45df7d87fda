using System.Text.RegularExpressions;
using Compliance.Tests.Pages.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

[Collection("Browser")]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_axe_violations()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync("/Account/Login");
        await CheckAsync(page, "sign-in", problems);
        await page.GetByLabel("Email").FillAsync(PagesApp.Admin);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[PagesApp.Admin]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();

        foreach (var (path, name) in new[]
                 {
                     ("/", "dashboard"),
                     ("/Incidents", "incidents"),
                     ("/Incidents/New", "new-incident"),
                     ($"/Incidents/{PagesApp.HongKong2019}", "incident-detail"),
                     ("/?within=7", "dashboard-this-week"),
                     ("/Incidents?q=hong&status=open", "incidents-found"),
                     ("/Audit", "organisation-audit"),
                     ($"/Incidents/{PagesApp.HongKong2019}/Filings/HK", "filing"),
                     ($"/Incidents/{PagesApp.HongKong2019}/Risk", "risk-assessment"),
                     ("/Account/Security", "account"),
                     ("/Admin/Members", "members"),
                     ("/Admin/Organisation", "organisation"),
                     ($"/Incidents/{PagesApp.HongKong2019}/Contacts", "manual-contacts"),
                     ("/Admin/TaskTemplates", "task-templates"),
                     ($"/Incidents/{PagesApp.Canada2022}/Tasks/New", "new-task"),
                     ($"/Incidents/{PagesApp.Canada2022}/Tasks/5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5f01", "task"),
                 })
        {
            await page.GotoAsync(path);
            await CheckAsync(page, name, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> problems)
    {
        var result = await page.RunAxe();
        problems.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        await BrowserFixture.ScreenshotAsync(page, "a11y-" + name);
    }
}
