using System.Net;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Tests.Browser;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compliance.Tests.Account;

// Sessions end when their owner says so, an authenticator code works once, and the authenticator key is shown only
// while two-factor sign-in is being set up: what a stolen cookie, a shoulder-surfed code or a borrowed session can do.
public sealed class SessionEndTests
{
    private static Task<(RunningApp App, IReadOnlyDictionary<string, string> Passwords, FixedClock Clock)> StartDemoAsync() => SessionTests.StartDemoAsync();

    [Fact]
    public async Task A_copied_session_cookie_stops_working_when_its_owner_signs_out()
    {
        var (app, passwords, _) = await StartDemoAsync();
        await using var stopApp = app;
        using var owner = new FormClient(app.Client.BaseAddress!);
        await owner.SignInAsync(PagesApp.Viewer, passwords[PagesApp.Viewer]);
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };
        var copied = owner.CookieHeader;
        async Task<HttpStatusCode> ThiefOpensIncidentsAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Incidents");
            request.Headers.Add("Cookie", copied);
            return (await thief.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await ThiefOpensIncidentsAsync());

        var signedOut = await owner.PostAsync("/Incidents", "/Account/Logout");
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ThiefOpensIncidentsAsync()); // sent to sign in, at once
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_the_next_code_works()
    {
        var (app, passwords, clock) = await StartDemoAsync();
        await using var stopApp = app;
        var key = await TurnOnTwoFactorAsync(app, PagesApp.Lead);
        var code = Totp.Code(key, clock.Now.ToDateTimeOffset());

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(app, PagesApp.Lead, passwords[PagesApp.Lead], code)).StatusCode);

        var replay = await SignInWithCodeAsync(app, PagesApp.Lead, passwords[PagesApp.Lead], code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode); // the code page again, with its refusal
        Assert.Contains("That code is not valid", await replay.Content.ReadAsStringAsync());

        clock.Advance(Duration.FromSeconds(30));
        var next = Totp.Code(key, clock.Now.ToDateTimeOffset());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(app, PagesApp.Lead, passwords[PagesApp.Lead], next)).StatusCode);
    }

    [Fact]
    public async Task Once_two_factor_is_on_its_key_is_never_shown_again_and_a_new_one_needs_the_password()
    {
        var (app, passwords, clock) = await StartDemoAsync();
        await using var stopApp = app;
        var key = await TurnOnTwoFactorAsync(app, PagesApp.Lead);
        using var session = new FormClient(app.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect,
            (await SignInWithCodeAsync(app, PagesApp.Lead, passwords[PagesApp.Lead], Totp.Code(key, clock.Now.ToDateTimeOffset()), session)).StatusCode);
        using var elsewhere = new FormClient(app.Client.BaseAddress!);
        clock.Advance(Duration.FromSeconds(30));
        await SignInWithCodeAsync(app, PagesApp.Lead, passwords[PagesApp.Lead], Totp.Code(key, clock.Now.ToDateTimeOffset()), elsewhere);

        var page = await session.HtmlAsync("/Account/Setup2fa");
        Assert.Contains("Two-factor sign-in is on", page);
        Assert.DoesNotContain("authenticator-key", page);
        Assert.DoesNotContain(Spaced(key), page, StringComparison.OrdinalIgnoreCase);

        var wrong = await session.PostAsync("/Account/Setup2fa", "/Account/Setup2fa?handler=Renew", ("Password", "not the password at all"));
        var refused = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("That password is not right", refused);
        Assert.DoesNotContain("authenticator-key", refused);

        var renewed = await session.PostAsync("/Account/Setup2fa", "/Account/Setup2fa?handler=Renew", ("Password", passwords[PagesApp.Lead]));
        var setup = await renewed.Content.ReadAsStringAsync();
        Assert.Contains("authenticator-key", setup);
        Assert.DoesNotContain(Spaced(key), setup, StringComparison.OrdinalIgnoreCase); // a new key, not the old one
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Incidents")).StatusCode); // other sessions ended
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Incidents")).StatusCode);
    }

    private static async Task<string> TurnOnTwoFactorAsync(RunningApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private static async Task<HttpResponseMessage> SignInWithCodeAsync(RunningApp app, string email, string password, string code, FormClient? client = null)
    {
        var owned = client is null;
        client ??= new FormClient(app.Client.BaseAddress!);
        try
        {
            var first = await client.PostAsync("/Account/Login", "/Account/Login", ("Email", email), ("Password", password));
            Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString);
            return await client.PostAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa", ("Code", code));
        }
        finally
        {
            if (owned) client.Dispose();
        }
    }

    private static string Spaced(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
