using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

/// <summary>
/// The app as a deployment runs it: its scheduler on (the campaign job sweeps every second and runs at once on
/// approval) and a real SMTP server, Postfix's smtp-sink, on loopback. The security lead signs in with a one-time code.
/// </summary>
public sealed class NoticeCampaignJourneyFixture : IAsyncLifetime
{
    public SmtpSink Sink { get; } = new();
    public PagesApp App { get; }
    public string LeadAuthenticatorKey { get; private set; } = "";

    public NoticeCampaignJourneyFixture() => App = new PagesApp
    {
        Arguments =
        [
            "--Scheduler:Enabled=true", "--Reminders:SweepSeconds=1",
            "--Mail:Smtp:Host=127.0.0.1", $"--Mail:Smtp:Port={Sink.Port}", "--Mail:Smtp:StartTls=false", "--Mail:From=notices@demo.example",
        ],
    };

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var lead = (await users.FindByEmailAsync(PagesApp.Lead))!;
        await users.ResetAuthenticatorKeyAsync(lead);
        LeadAuthenticatorKey = (await users.GetAuthenticatorKeyAsync(lead))!;
        await users.SetTwoFactorEnabledAsync(lead, true);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Sink.Dispose();
    }

    /// <summary>Signs in through the login page, with a one-time code when <paramref name="authenticatorKey"/> is given.</summary>
    public async Task SignInAsync(IPage page, string email, string? authenticatorKey = null)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(App.Passwords[email]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
            await page.GetByLabel("Authenticator code").FillAsync(Totp.Next(authenticatorKey, App.Clock));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();
    }
}
