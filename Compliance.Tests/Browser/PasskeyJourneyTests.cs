using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Compliance.Tests.Browser;

// Passkeys in a real Chromium with a virtual authenticator (the DevTools protocol's WebAuthn domain: a CTAP2 platform
// authenticator that keeps discoverable credentials and verifies its user). The app runs on its own, reached as
// http://localhost: an IP address cannot name a relying party.
[Collection("Browser")]
public sealed class PasskeyJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly PagesApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task An_admin_registers_a_passkey_signs_in_with_it_with_and_without_the_password_and_a_removed_one_no_longer_signs_in()
    {
        var page = await fixture.NewPageAsync(new Uri($"http://localhost:{app.Address.Port}/"));
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        // Password only (the demo admin has no second factor yet), then a passkey named on the Account pages.
        await SignInWithPasswordAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Security");
        await page.Locator("#manage-keys").ClickAsync();
        await page.GetByLabel("Name of the key").FillAsync("Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey or security key" }).ClickAsync();
        await Expect(page.Locator("#key-added")).ToContainTextAsync("\"Work laptop\" was added");
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#security-keys")).ToContainTextAsync("internal");
        await BrowserFixture.ScreenshotAsync(page, "passkey-01-registered");
        Assert.Equal(1, await app.ReadAsync(db => db.SecurityKeys.CountAsync()));
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "security-key.registered" && e.Actor == PagesApp.Admin)));

        // Passwordless: the usernameless button, no email typed.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();

        // The password alone no longer signs in: the key is asked for as the second step.
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWithKey"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Use my key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();

        // A counter that goes backwards means a copied key: refused and audited.
        await app.ReadAsync(async db =>
        {
            var key = await db.SecurityKeys.SingleAsync();
            key.Used(1000, app.Clock.Now);
            return await db.SaveChangesAsync();
        });
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToContainTextAsync("signature counter went backwards");
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "security-key.counter-regressed")));
        await app.ReadAsync(async db =>
        {
            var key = await db.SecurityKeys.SingleAsync();
            key.Used(0, app.Clock.Now);
            return await db.SaveChangesAsync();
        });

        // Removing the key needs the password; afterwards the authenticator's credential signs in no more.
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open duties" })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Passkeys");
        var row = page.Locator("#security-keys tbody tr").First;
        await row.GetByPlaceholder("Your password").FillAsync("not my password at all");
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove the key Work laptop" }).ClickAsync();
        await Expect(page.Locator("#key-error")).ToContainTextAsync("needs your password");
        row = page.Locator("#security-keys tbody tr").First;
        await row.GetByPlaceholder("Your password").FillAsync(app.Passwords[PagesApp.Admin]);
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove the key Work laptop" }).ClickAsync();
        await Expect(page.Locator("#key-removed")).ToContainTextAsync("no longer signs in");
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "security-key.removed")));
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToContainTextAsync("not registered for this account");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task The_organisations_key_rule_sends_an_admin_without_a_key_to_register_one_and_keeps_their_last_key()
    {
        var page = await fixture.NewPageAsync(new Uri($"http://localhost:{app.Address.Port}/"));
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await SignInWithPasswordAsync(page);
        await page.GotoAsync("/Admin/Organisation");
        await page.GetByLabel("Security leads and admins must sign in with a phishing-resistant factor (passkey or security key)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.True(await app.ReadAsync(db => db.Organisations.AnyAsync(o => o.RequirePhishingResistant)));

        // Signed in with the password only: every workspace page, and the Account page, lead to the key page.
        foreach (var path in new[] { "/", "/Incidents", "/Admin/Members", "/Account/Security" })
        {
            await page.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Passkeys"));
        }
        await Expect(page.Locator("#key-required")).ToContainTextAsync("until then you can do nothing else");
        await BrowserFixture.ScreenshotAsync(page, "passkey-02-required");
        await page.GetByLabel("Name of the key").FillAsync("Office security key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey or security key" }).ClickAsync();
        await Expect(page.Locator("#key-added")).ToBeVisibleAsync();
        await page.GotoAsync("/Incidents");
        await Expect(page).ToHaveURLAsync(new Regex("/Incidents$"));

        // The only key of an admin under the rule cannot be removed.
        await page.GotoAsync("/Account/Passkeys");
        var row = page.Locator("#security-keys tbody tr").First;
        await row.GetByPlaceholder("Your password").FillAsync(app.Passwords[PagesApp.Admin]);
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove the key Office security key" }).ClickAsync();
        await Expect(page.Locator("#key-error")).ToContainTextAsync("requires a passkey or security key for your role");
        Assert.Equal(1, await app.ReadAsync(db => db.SecurityKeys.CountAsync()));

        // An app code no longer satisfies the rule: the lead, who signs in with the password only here, is held too.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PagesApp.Lead);
        await page.GetByLabel("Password").FillAsync(app.Passwords[PagesApp.Lead]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Passkeys"));
        await Expect(page.Locator("#key-required")).ToBeVisibleAsync();
    }

    private async Task SignInWithPasswordAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PagesApp.Admin);
        await page.GetByLabel("Password").FillAsync(app.Passwords[PagesApp.Admin]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
    }
}
