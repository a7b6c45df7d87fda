using System.Text.RegularExpressions;
using Compliance.Tests.Pages.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

// The Hong Kong 2019 story in a real browser: a security lead signs in with a one-time code, logs the breach, sees
// that Hong Kong's duties are recommendations rather than law, and records a decision with its reasons.
[Collection("Browser")]
public sealed class HongKongJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_security_lead_signs_in_with_TOTP_logs_the_Hong_Kong_breach_and_records_a_decision()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await page.GetByLabel("Email").FillAsync(PagesApp.Lead);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[PagesApp.Lead]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Next(fixture.LeadAuthenticatorKey, fixture.App.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();
        await Expect(page.Locator("#open-duties [data-deadline]").First).ToHaveTextAsync(new Regex(@"(left|overdue by)"));
        await BrowserFixture.ScreenshotAsync(page, "01-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Log a new incident" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Intruders in the supporter database (Hong Kong)");
        await page.GetByLabel("Summary (optional)").FillAsync("State-sponsored intruders took supporters' names, HKID numbers and contact details.");
        await page.GetByLabel("Time zone of these clocks").SelectOptionAsync("Asia/Hong_Kong");
        await page.GetByLabel("Became aware").FillAsync("2019-03-15T09:00");
        foreach (var category in new[] { "name", "national-id", "email", "phone", "postal-address" })
            await page.Locator($"#category-{category}").CheckAsync();
        await page.GetByLabel("Row 1 jurisdiction").FillAsync("HK");
        await page.GetByLabel("Row 1 number of people").FillAsync("2400");
        await page.GetByLabel("Exfiltration").SelectOptionAsync("confirmed");
        await page.GetByLabel("Encryption").SelectOptionAsync("none");
        await page.GetByLabel("Cause").SelectOptionAsync("external-attack");
        await page.GetByLabel("Risk level").SelectOptionAsync("high");
        await page.GetByLabel("Risk rationale").FillAsync("HKID numbers of supporters of a human rights group: a real risk of harm.");
        await BrowserFixture.ScreenshotAsync(page, "02-new-incident");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and compute duties" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Incidents/[0-9a-f-]{36}$"));
        var pcpd = page.Locator("tr[data-rule='hk-pdpo-pcpd']");
        await Expect(pcpd).ToContainTextAsync("Office of the Privacy Commissioner for Personal Data (PCPD)");
        await Expect(pcpd.Locator(".badge.voluntary")).ToHaveTextAsync("voluntary");
        var supporters = page.Locator("tr[data-rule='hk-pdpo-individuals']");
        await Expect(supporters).ToContainTextAsync("Affected people");
        await Expect(supporters.Locator(".badge.voluntary")).ToHaveTextAsync("voluntary");
        await BrowserFixture.ScreenshotAsync(page, "03-hong-kong-duties");

        var police = page.Locator("tr[data-rule='hk-police']");
        var policeActions = page.Locator($"#act-{(await police.GetAttributeAsync("id"))!["duty-".Length..]}");
        await policeActions.GetByLabel("Why is it not required?").FillAsync(
            "A police report would hand the supporters' names to the authorities they need protecting from; counsel agreed.");
        await policeActions.GetByRole(AriaRole.Button, new() { Name = "Record as not required" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("#duty-"));
        await Expect(police.Locator(".duty-status")).ToContainTextAsync("Not required");
        await Expect(police.Locator(".duty-status")).ToContainTextAsync("decided by lead@demo.example");
        await BrowserFixture.ScreenshotAsync(page, "04-decision-recorded");
    }
}
