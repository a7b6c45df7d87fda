using System.Net;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Account;

// The application exactly as AppHost composes it: sessions survive the security-stamp check, the account pages find
// the signed-in person, two-factor users reach the code page, and signing out carries its antiforgery token.
public sealed class SessionTests
{
    /// <summary>The demo on the app exactly as AppHost composes it, at a fixed moment; other session tests share it.</summary>
    internal static async Task<(RunningApp App, IReadOnlyDictionary<string, string> Passwords, FixedClock Clock)> StartDemoAsync()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var clock = FixedClock.At("2026-11-22T08:00:00Z");
        IReadOnlyDictionary<string, string> passwords;
        await using (var db = ComplianceDatabase.CreateContext(database)) passwords = await DemoSeeder.SeedAsync(db, clock);
        return (await RunningApp.StartAsync(database, clock, "--Scheduler:Enabled=false"), passwords, clock);
    }

    [Fact]
    public async Task Signed_in_users_stay_signed_in_the_account_page_finds_them_and_two_factor_users_reach_the_code_page()
    {
        var (app, passwords, clock) = await StartDemoAsync();
        await using var stopApp = app;

        using var viewer = new FormClient(app.Client.BaseAddress!);
        await viewer.SignInAsync(PagesApp.Viewer, passwords[PagesApp.Viewer]);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Account/Security")).StatusCode);
        clock.Advance(NodaTime.Duration.FromMinutes(2)); // past the security-stamp check interval
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Incidents")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var lead = (await users.FindByEmailAsync(PagesApp.Lead))!;
            await users.ResetAuthenticatorKeyAsync(lead);
            await users.SetTwoFactorEnabledAsync(lead, true);
        }
        using var client = new FormClient(app.Client.BaseAddress!);
        var response = await client.PostAsync("/Account/Login", "/Account/Login", ("Email", PagesApp.Lead), ("Password", passwords[PagesApp.Lead]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_out_form_carries_an_antiforgery_token()
    {
        var (app, passwords, _) = await StartDemoAsync();
        await using var stopApp = app;
        using var viewer = new FormClient(app.Client.BaseAddress!);
        await viewer.SignInAsync(PagesApp.Viewer, passwords[PagesApp.Viewer]);

        var header = (await viewer.HtmlAsync("/Incidents")).Split("<main")[0];
        Assert.Contains("__RequestVerificationToken", header);
    }
}
