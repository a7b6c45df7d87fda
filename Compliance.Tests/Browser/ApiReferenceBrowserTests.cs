using Compliance.Tests.Pages.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

[Collection("Browser")]
public sealed class ApiReferenceBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_signed_in_admin_reads_the_API_reference_with_nothing_refused_by_the_content_policy()
    {
        var page = await fixture.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") refused.Add(message.Text); };
        page.RequestFailed += (_, request) => refused.Add($"{request.Url}: {request.Failure}");
        var elsewhere = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(fixture.App.Address.AbsoluteUri, StringComparison.Ordinal)) elsewhere.Add(request.Url); };

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PagesApp.Admin);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[PagesApp.Admin]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();

        await page.GotoAsync("/api/reference");

        // The operations come from the app's own OpenAPI document.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Breach notification tracker API" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Who must be told, by when, and why, for the facts of an incident").First).ToBeVisibleAsync();
        await page.GetByText("Incidents", new() { Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("Log an incident; its obligations are computed and stored at once.").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "api-reference");
        Assert.DoesNotContain(refused, r => r.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || r.Contains("net::", StringComparison.Ordinal));
        Assert.DoesNotContain(elsewhere, u => !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal));
    }
}
