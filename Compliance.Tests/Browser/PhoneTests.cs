using Compliance.Tests.Pages.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

// On a 375 px phone the key pages fit the screen: nothing scrolls sideways, and the deadline and the time left of
// each duty are on screen without it.
[Collection("Browser")]
public sealed class PhoneTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_dashboard_incidents_and_an_incident_fit_a_375_pixel_screen_with_their_deadlines_visible()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PagesApp.Admin);
        await page.GetByLabel("Password").FillAsync(fixture.App.Passwords[PagesApp.Admin]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();

        foreach (var (path, name) in new[] { ("/", "dashboard"), ("/Incidents", "incidents"), ($"/Incidents/{PagesApp.HongKong2019}", "incident") })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"{name} is {width} px wide on a 375 px screen");
            await BrowserFixture.ScreenshotAsync(page, "phone-" + name);
        }

        await page.GotoAsync("/");
        var firstTimeLeft = page.Locator("#open-duties td[data-label='Time left']").First;
        await Expect(firstTimeLeft).ToBeInViewportAsync();
        await Expect(page.Locator("#open-duties td[data-label='Deadline (your time)']").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
    }
}
