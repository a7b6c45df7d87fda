using Compliance.Tests.Browser;
using Compliance.Tests.Pages.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Webhooks;

// The webhooks page in a browser: an admin adds an endpoint by label, the secret appears once, and axe finds nothing serious.
[Collection("Browser")]
public sealed class WebhooksPageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_adds_an_endpoint_in_the_browser_and_the_page_has_no_serious_axe_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PagesApp.Admin);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[PagesApp.Admin]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();

        await page.GotoAsync("/Admin/Organisation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await page.GetByLabel("Address (https://)").FillAsync("https://chat.example.org/hooks/breach");
        await page.GetByLabel("Description").FillAsync("Incident channel");
        await page.Locator("form[action*='handler=Add']").GetByLabel("A duty's deadline passed without a filing").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();

        await Expect(page.Locator("#webhook-secret")).ToContainTextAsync("whsec_");
        await Expect(page.Locator("#webhooks")).ToContainTextAsync("https://chat.example.org/hooks/breach");
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        await BrowserFixture.ScreenshotAsync(page, "a11y-webhooks");
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        await page.GotoAsync("/Admin/Webhooks");
        await Expect(page.Locator("#webhook-secret")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove https://chat.example.org/hooks/breach" }).ClickAsync();
        await Expect(page.Locator("#webhooks-message")).ToContainTextAsync("Endpoint removed");
    }
}
