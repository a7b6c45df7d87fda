using Compliance.Domain.Organisations;
using Compliance.Tests.Pages.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

/// <summary>
/// One app and one Debian Chromium for all browser tests (they share the "Browser" collection, so they run one
/// after another). The security lead has two-factor sign-in on; an Irish incident gives the dashboard deadlines.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public PagesApp App { get; } = new();
    public string LeadAuthenticatorKey { get; private set; } = "";
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await App.LogIncidentAsync(new IncidentPost(Title: "Phished mailbox with the supporter list", AwareAt: "2026-11-20T10:00"));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var lead = (await users.FindByEmailAsync(PagesApp.Lead))!;
            await users.ResetAuthenticatorKeyAsync(lead);
            LeadAuthenticatorKey = (await users.GetAuthenticatorKeyAsync(lead))!;
            await users.SetTwoFactorEnabledAsync(lead, true);
        }

        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on the app.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(App.Address);

    /// <summary>A fresh browser context on another app, for a test that hosts its own (with a mail server, say).</summary>
    public async Task<IPage> NewPageAsync(Uri app)
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = app.AbsoluteUri, ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
