using System.Net;
using Compliance.Domain.Organisations;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Account.SecurityKeys;

// What a phishing site or a copied key would try, against the real pages, with a software key that can sign for any
// origin: the site is https://breach.example.org (App:BaseUrl), and only answers made for it are taken.
public sealed class SecurityKeyProtocolTests : IAsyncLifetime
{
    private const string Origin = "https://breach.example.org";
    private readonly PagesApp app = new() { Arguments = ["--App:BaseUrl=" + Origin] };
    private readonly SoftwareAuthenticator key = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        key.Dispose();
        await app.DisposeAsync();
    }

    private static async Task<string> OptionsAsync(FormClient client, string page, string handler)
    {
        var response = await client.PostAsync(page, $"{page}?handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} {handler} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> RegisterAsync(FormClient client, string origin, string? rpId = null)
    {
        var options = await OptionsAsync(client, "/Account/Passkeys", "Options");
        var response = await client.PostAsync("/Account/Passkeys", "/Account/Passkeys?handler=Register",
            ("Nickname", "Software key"), ("Credential", key.Create(options, origin, rpId)));
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PasswordlessAsync(FormClient client, string answer) =>
        await client.PostAsync("/Account/Login", "/Account/Login?handler=Passkey", ("Credential", answer));

    private async Task<HttpResponseMessage> PasswordlessAsync(FormClient client, string origin, uint counter, string? rpId = null) =>
        await PasswordlessAsync(client, key.Get(await OptionsAsync(client, "/Account/Login", "PasskeyOptions"), origin, counter, rpId));

    [Fact]
    public async Task A_key_registered_through_a_look_alike_site_is_refused()
    {
        var client = await app.SignedInAsync(PagesApp.Legal);
        Assert.Contains("could not be verified", await RegisterAsync(client, "https://breach-example.org"));
        Assert.Contains("could not be verified", await RegisterAsync(client, Origin, rpId: "breach-example.org"));
        Assert.Equal(0, await app.ReadAsync(db => db.SecurityKeys.CountAsync()));
        Assert.Contains("id=\"key-added\"", await RegisterAsync(client, Origin));
        Assert.Equal(1, await app.ReadAsync(db => db.SecurityKeys.CountAsync()));
    }

    [Fact]
    public async Task Only_a_fresh_answer_made_for_this_site_by_a_key_whose_counter_grew_signs_in()
    {
        Assert.Contains("id=\"key-added\"", await RegisterAsync(await app.SignedInAsync(PagesApp.Viewer), Origin));
        using var visitor = new FormClient(app.Address);

        // A look-alike site relaying our challenge gets an answer for its own origin, or for its own name.
        Assert.Contains("could not be verified", await (await PasswordlessAsync(visitor, "https://breach.example.org.evil.example", 1)).Content.ReadAsStringAsync());
        Assert.Contains("could not be verified", await (await PasswordlessAsync(visitor, Origin, 1, rpId: "evil.example")).Content.ReadAsStringAsync());
        Assert.Contains("could not be verified", await (await PasswordlessAsync(visitor, "http://breach.example.org", 1)).Content.ReadAsStringAsync());

        var options = await OptionsAsync(visitor, "/Account/Login", "PasskeyOptions");
        var answer = key.Get(options, Origin, 5);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordlessAsync(visitor, answer)).StatusCode);

        // The same answer again (recorded on the way): its challenge was used up.
        using var replay = new FormClient(app.Address);
        Assert.Contains("expired or was already used", await (await PasswordlessAsync(replay, answer)).Content.ReadAsStringAsync());

        // A copy of the key that has counted fewer signatures than the original.
        var cloned = await (await PasswordlessAsync(replay, Origin, 3)).Content.ReadAsStringAsync();
        Assert.Contains("signature counter went backwards", cloned);
        var audit = await app.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "security-key.counter-regressed").ToListAsync());
        Assert.Contains("\"presentedCounter\":3", Assert.Single(audit).Data);
        Assert.Equal(5, await app.ReadAsync(db => db.SecurityKeys.Select(k => k.SignCount).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordlessAsync(replay, Origin, 6)).StatusCode);
    }

    [Fact]
    public async Task An_admin_who_lost_their_only_key_recovers_with_a_code_may_add_a_new_key_and_nothing_else_until_then()
    {
        // The organisation requires a key of its admins; the admin has one, and recovery codes.
        await app.ReadAsync(async db =>
        {
            (await db.Organisations.SingleAsync()).RequirePhishingResistant = true;
            return await db.SaveChangesAsync();
        });
        using (var first = new FormClient(app.Address))
        {
            await first.SignInAsync(PagesApp.Admin, app.Passwords[PagesApp.Admin]);
            Assert.Contains("id=\"key-added\"", await RegisterAsync(first, Origin));
        }
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            var admin = (await users.FindByEmailAsync(PagesApp.Admin))!;
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync(admin, 10))!.First();
        }

        // The key is lost. Password, then a recovery code: the session may add a key and do nothing else.
        using var recovering = new FormClient(app.Address);
        await recovering.SignInAsync(PagesApp.Admin, app.Passwords[PagesApp.Admin]);
        var recovered = await recovering.PostAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", ("RecoveryCode", code));
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        foreach (var page in new[] { "/", "/Incidents", "/Admin/Members" })
        {
            var refused = await recovering.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/Account/Passkeys", refused.Headers.Location!.OriginalString);
        }
        using var replacement = new SoftwareAuthenticator();
        var options = await OptionsAsync(recovering, "/Account/Passkeys", "Options");
        var added = await recovering.PostAsync("/Account/Passkeys", "/Account/Passkeys?handler=Register",
            ("Nickname", "Replacement key"), ("Credential", replacement.Create(options, Origin)));
        Assert.Contains("id=\"key-added\"", await added.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.ReadAsync(db => db.SecurityKeys.CountAsync()));
        Assert.Contains(await app.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "security-key.registered").Select(e => e.Data).ToListAsync()),
            data => data.Contains("Replacement key"));

        // The new key signs in on its own and opens the workspace.
        using var later = new FormClient(app.Address);
        var signIn = await PasswordlessAsync(later, replacement.Get(await OptionsAsync(later, "/Account/Login", "PasskeyOptions"), Origin, 1));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/Incidents")).StatusCode);
    }
}
