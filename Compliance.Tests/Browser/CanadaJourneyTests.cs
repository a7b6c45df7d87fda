using System.Text.RegularExpressions;
using Compliance.Tests.Pages.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

// The Amnesty Canada 2022 case typed in from scratch, as a new user would: the page says why the 40,000 Canadians bring
// no regulator duty, the guided risk assessment proposes "high" for a state actor with political data, and the work the
// law does not name (the police report) goes into a task.
[Collection("Browser")]
public sealed class CanadaJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_security_lead_logs_the_Canada_case_sees_why_no_Canadian_duty_applies_assesses_the_risk_and_adds_the_police_report()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(PagesApp.Lead);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[PagesApp.Lead]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Next(fixture.LeadAuthenticatorKey, fixture.App.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Log a new incident" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Intrusion detected; systems offline three weeks");
        await page.GetByLabel("Time zone of these clocks").SelectOptionAsync("America/Toronto");
        await page.GetByLabel("Became aware").FillAsync("2022-10-05T10:00");
        foreach (var category in new[] { "name", "email", "phone", "postal-address", "donation-history", "political-opinion" })
            await page.Locator($"#category-{category}").CheckAsync();
        var rows = new[] { ("CA", "40000"), ("US-NY", "1500"), ("GB", "300") };
        for (var i = 0; i < rows.Length; i++)
        {
            await page.GetByLabel($"Row {i + 1} jurisdiction").FillAsync(rows[i].Item1);
            await page.GetByLabel($"Row {i + 1} number of people").FillAsync(rows[i].Item2);
        }
        await page.GetByLabel("Exfiltration").SelectOptionAsync("not-found");
        await page.GetByLabel("Encryption").SelectOptionAsync("none");
        await page.GetByLabel("Cause").SelectOptionAsync("external-attack");
        await page.GetByLabel("Risk level").SelectOptionAsync("risk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and compute duties" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Incidents/[0-9a-f-]{36}$"));
        var incidentUrl = page.Url;

        // The UK duties come in; PIPEDA does not, and the page says why and what would change it.
        await Expect(page.Locator("tr[data-rule='uk-gdpr-art33']")).ToBeVisibleAsync();
        var why = page.Locator("#why-no-duty");
        await Expect(why.GetByRole(AriaRole.Heading, new() { Name = "Why no duty here?" })).ToBeVisibleAsync();
        var pipeda = why.Locator("li[data-rule='ca-pipeda']");
        await Expect(pipeda).ToHaveClassAsync(new Regex("not-applied"));
        await Expect(pipeda.Locator(".why-reason")).ToContainTextAsync(new Regex("commercial activity", RegexOptions.IgnoreCase));
        var newYork = why.Locator("li[data-rule='us-ny']");
        await Expect(newYork).ToHaveClassAsync(new Regex("not-applied"));
        await Expect(newYork.Locator(".why-reason")).ToContainTextAsync(new Regex("data element", RegexOptions.IgnoreCase));
        Assert.Empty(await SeriousAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "canada-01-why-no-duty");

        // The guided risk assessment: a state actor with political data proposes "high"; the lead confirms it.
        await page.GotoAsync(incidentUrl + "/Risk");
        await page.Locator("#stateActor").CheckAsync();
        await page.Locator("#politicalExposure").CheckAsync();
        await page.Locator("#identification-maximum").CheckAsync();
        await page.Locator("#misuse-possible").CheckAsync();
        await page.Locator("#consequences-significant").CheckAsync();
        await page.Locator("#propose").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("The assessment proposes: A high risk", RegexOptions.IgnoreCase) })).ToBeVisibleAsync();
        await page.Locator("#level-high").CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("A state-sponsored intrusion into a list of supporters of a human-rights group.");
        await page.Locator("#confirm").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(new Regex("confirmed", RegexOptions.IgnoreCase));
        await page.GotoAsync(incidentUrl);
        // Still no PIPEDA duty: a charity without commercial activity is outside it whatever the risk, and the page says so.
        await Expect(page.Locator("#why-no-duty li[data-rule='ca-pipeda'] .why-reason")).ToContainTextAsync(new Regex("commercial activity", RegexOptions.IgnoreCase));

        // What Amnesty Canada actually did first: tell the police, as a task with its report number.
        await page.Locator("#add-task").ClickAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("law-enforcement");
        await page.GetByLabel("What is to be done").FillAsync("Report the intrusion to the RCMP National Cybercrime Coordination Centre");
        await page.GetByLabel("Report reference number (optional)").FillAsync("NC3-2022-10-0417");
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.GotoAsync(incidentUrl);
        await Expect(page.Locator("#tasks")).ToContainTextAsync("Report the intrusion to the RCMP");
        Assert.Empty(await SeriousAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "canada-02-tasks");
    }

    private static async Task<List<string>> SeriousAsync(IPage page) =>
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
}
