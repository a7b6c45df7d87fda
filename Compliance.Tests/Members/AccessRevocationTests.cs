using System.Net;
using System.Net.Http.Headers;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Members;

// Taking access away without SQL: a token revoked, a person removed (their sessions and tokens end with them), and
// the organisation's two-factor rule holding for tokens too.
public sealed class AccessRevocationTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");
    private const string Password = "correct horse battery staple";

    private static Task<(int Code, string Out, string Err)> Run(DatabaseOptions db, string stdin, params string[] args) => Cli.RunAsync(db, Clock, stdin, args);

    private static async Task<(DatabaseOptions Db, string Token)> MemberWithTokenAsync(DatabaseProvider provider, bool requireTwoFactor = false,
        bool requireKeys = false)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            ctx.Organisations.Add(new Organisation(Guid.NewGuid(), "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], [], "rights-watch")
                { RequireTwoFactor = requireTwoFactor, RequirePhishingResistant = requireKeys });
            await ctx.SaveChangesAsync();
        }
        Assert.Equal(0, (await Run(db, Password + "\n", "user", "add", "--org", "rights-watch", "--email", "lead@rw.example", "--role", "security-lead")).Code);
        var token = await Run(db, "", "token", "create", "--email", "lead@rw.example", "--name", "reporting script");
        return (db, token.Out.Trim());
    }

    private static async Task<HttpStatusCode> CallApiAsync(RunningApp app, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await app.Client.SendAsync(request)).StatusCode;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_revoked_token_is_refused_at_once(DatabaseProvider provider)
    {
        var (db, token) = await MemberWithTokenAsync(provider);
        await using var app = await RunningApp.StartAsync(db, Clock, "--Scheduler:Enabled=false");
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(app, token));

        var list = await Run(db, "", "token", "list", "--email", "lead@rw.example");
        Assert.Contains("reporting script\tRights Watch", list.Out);
        var id = list.Out.Split('\t')[0];
        var revoked = await Run(db, "", "token", "revoke", "--id", id);
        Assert.True(revoked.Code == 0, revoked.Err);

        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(app, token));
        Assert.Contains("revoked", (await Run(db, "", "token", "list", "--email", "lead@rw.example")).Out);
        Assert.Equal(2, (await Run(db, "", "token", "revoke", "--id", Guid.NewGuid().ToString())).Code);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "token.revoked"));
    }

    [Fact]
    public async Task A_security_leads_token_stops_working_while_the_organisation_requires_a_key_they_do_not_have()
    {
        var (db, token) = await MemberWithTokenAsync(DatabaseProvider.Sqlite, requireKeys: true);
        await using var app = await RunningApp.StartAsync(db, Clock, "--Scheduler:Enabled=false");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(app, token));

        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            var lead = await ctx.Users.SingleAsync(u => u.Email == "lead@rw.example");
            ctx.SecurityKeys.Add(new SecurityKey(Guid.NewGuid(), lead.Id, [1, 2, 3, 4], [5, 6], 0, ["usb"], "YubiKey", Guid.Empty, Clock.Now));
            await ctx.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(app, token));
    }

    [Fact]
    public async Task A_removed_member_loses_their_open_session_and_their_tokens()
    {
        var (db, token) = await MemberWithTokenAsync(DatabaseProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(db, Clock, "--Scheduler:Enabled=false");
        using var browser = new FormClient(app.Client.BaseAddress!);
        await browser.SignInAsync("lead@rw.example", Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Incidents")).StatusCode);

        var removed = await Run(db, "", "user", "remove", "--org", "rights-watch", "--email", "lead@rw.example");
        Assert.True(removed.Code == 0, removed.Err);
        Assert.Contains("their sessions have ended", removed.Out);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(app, token));
        Assert.Equal(2, (await Run(db, "", "user", "remove", "--org", "rights-watch", "--email", "lead@rw.example")).Code);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "member.removed"));
    }

    [Fact]
    public async Task A_token_is_refused_while_its_owner_lacks_the_two_factor_sign_in_their_organisation_requires()
    {
        var (db, token) = await MemberWithTokenAsync(DatabaseProvider.Sqlite, requireTwoFactor: true);
        await using var app = await RunningApp.StartAsync(db, Clock, "--Scheduler:Enabled=false");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(app, token));

        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            (await ctx.Users.SingleAsync()).TwoFactorEnabled = true;
            await ctx.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(app, token));
    }

    [Fact]
    public async Task People_revoke_their_own_tokens_on_the_security_page_and_no_one_elses()
    {
        var (db, token) = await MemberWithTokenAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await Run(db, Password + "\n", "user", "add", "--org", "rights-watch", "--email", "viewer@rw.example", "--role", "viewer")).Code);
        await using var app = await RunningApp.StartAsync(db, Clock, "--Scheduler:Enabled=false");
        Guid id;
        await using (var ctx = ComplianceDatabase.CreateContext(db)) id = (await ctx.ApiTokens.SingleAsync()).Id;

        using var viewer = new FormClient(app.Client.BaseAddress!);
        await viewer.SignInAsync("viewer@rw.example", Password);
        var notTheirs = await viewer.PostAsync("/Account/Security", "/Account/Security?handler=RevokeToken", ("TokenId", id.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(app, token));

        using var lead = new FormClient(app.Client.BaseAddress!);
        await lead.SignInAsync("lead@rw.example", Password);
        Assert.Contains("reporting script", Html.Text(Html.Element(await lead.HtmlAsync("/Account/Security"), "api-tokens")));
        var revoked = await lead.PostAsync("/Account/Security", "/Account/Security?handler=RevokeToken", ("TokenId", id.ToString()));
        Assert.Contains("revoked", Html.Text(Html.Element(await revoked.Content.ReadAsStringAsync(), $"token-{id}")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(app, token));
    }
}
