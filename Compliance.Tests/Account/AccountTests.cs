using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Account;

public sealed class AccountTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");

    private static Task<(int Code, string Out, string Err)> Run(DatabaseOptions db, string stdin, params string[] args) => Cli.RunAsync(db, Clock, stdin, args);

    private static async Task<DatabaseOptions> OrganisationAsync(DatabaseProvider provider, string slug = "rights-watch")
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(Guid.NewGuid(), "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], [], slug));
        await ctx.SaveChangesAsync();
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_adds_a_member_and_issues_a_token_that_the_API_accepts_once_hashed(DatabaseProvider provider)
    {
        var db = await OrganisationAsync(provider);
        var added = await Run(db, "correct horse battery staple\n", "user", "add", "--org", "rights-watch", "--email", "lead@rw.example", "--role", "security-lead");
        Assert.True(added.Code == 0, added.Err);
        var token = await Run(db, "", "token", "create", "--email", "lead@rw.example");
        Assert.True(token.Code == 0, token.Err);
        var secret = token.Out.Trim();
        Assert.StartsWith("cmp_", secret);

        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            var stored = await ctx.ApiTokens.SingleAsync();
            Assert.NotEqual(secret, stored.Hash);
            Assert.Equal(ApiToken.HashOf(secret), stored.Hash);
            Assert.DoesNotContain("correct horse", (await ctx.Users.SingleAsync()).PasswordHash);
        }

        await using var app = await RunningApp.StartAsync(db, Clock);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("security-lead", JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("role").GetString());

        var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret + "x");
        var refused = await app.Client.SendAsync(bad);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("short\n", "at least 12 characters")]
    [InlineData("a long enough password\n", "--role 'owner' is not one of")]
    public async Task Bad_member_details_exit_2_with_one_message(string stdin, string message)
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        var role = message.Contains("owner") ? "owner" : "viewer";
        var (code, _, err) = await Run(db, stdin, "user", "add", "--org", "rights-watch", "--email", "v@rw.example", "--role", role);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public async Task A_responder_needs_an_incident_and_an_expiry()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        var (code, _, err) = await Run(db, "a long enough password\n", "user", "add", "--org", "rights-watch", "--email", "f@dfir.example", "--role", "responder");
        Assert.Equal(2, code);
        Assert.Contains("--incident REF and --expires", err);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_verify_names_the_first_tampered_entry_and_export_writes_csv(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db)) await DemoSeeder.SeedAsync(ctx, Clock);

        var ok = await Run(db, "", "audit", "verify");
        Assert.Equal(0, ok.Code);
        Assert.Contains("demo: intact", ok.Out);

        var csv = await Run(db, "", "audit", "export", "--org", "demo", "--incident", "INC-2019-001");
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,at,incident,actor,action,data,previous_hash,hash", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.Contains("\"incident.created\""));

        await using (var ctx = ComplianceDatabase.CreateContext(db))
            await ctx.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Data\" = '{{}}' WHERE \"Sequence\" = 3");
        var broken = await Run(db, "", "audit", "verify", "--org", "demo");
        Assert.Equal(1, broken.Code);
        Assert.Contains("demo: BROKEN at entry 3", broken.Out);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        await Run(db, "correct horse battery staple\n", "user", "add", "--org", "rights-watch", "--email", "lead@rw.example", "--role", "security-lead");
        await using var app = await RunningApp.StartAsync(db, Clock);
        using var browser = new BrowserlessClient(app.Client.BaseAddress!);

        for (var i = 0; i < 5; i++)
            await browser.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = "lead@rw.example", ["Password"] = "wrong password " + i });
        var response = await browser.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = "lead@rw.example", ["Password"] = "correct horse battery staple" });
        Assert.Contains("locked for 15 minutes", await response.Content.ReadAsStringAsync());
        // Identity unlocks after 15 minutes of real time (it reads the system clock, not ours): not re-tested here.

    }

    [Fact]
    public async Task Pages_need_a_sign_in_and_carry_the_security_headers()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(db, Clock);
        using var browser = new BrowserlessClient(app.Client.BaseAddress!);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery);

        var login = await browser.GetAsync("/Account/Login");
        var csp = login.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<script>", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(db, Clock);
        var response = await app.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.z", ["Password"] = "p" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task More_sign_in_attempts_a_minute_from_one_address_than_the_setting_allows_are_turned_away()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(db, Clock, "--SignIn:PerAddressPerMinute=10");
        using var browser = new BrowserlessClient(app.Client.BaseAddress!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            statuses.Add((await browser.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = $"nobody{i}@x.example", ["Password"] = "guess" })).StatusCode);
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    private static Dictionary<string, string> SignIn(string email, string password) => new() { ["Email"] = email, ["Password"] = password };

    [Fact]
    public async Task An_unknown_email_gets_the_same_words_as_a_real_one_and_is_locked_the_same_way()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        await Run(db, "correct horse battery staple\n", "user", "add", "--org", "rights-watch", "--email", "lead@rw.example", "--role", "security-lead");
        var clock = FixedClock.At("2026-11-22T08:00:00Z");
        await using var app = await RunningApp.StartAsync(db, clock);
        using var browser = new BrowserlessClient(app.Client.BaseAddress!);

        async Task<string> AnswerAsync(string email) =>
            Html.Text(Html.Element(await (await browser.SubmitAsync("/Account/Login", SignIn(email, "wrong password"))).Content.ReadAsStringAsync(), "login-error"));
        foreach (var email in new[] { "lead@rw.example", "nobody@rw.example" })
        {
            for (var i = 0; i < 4; i++) Assert.Equal("The email or the password is wrong.", await AnswerAsync(email));
            Assert.Equal("Too many failed attempts: this account is locked for 15 minutes.", await AnswerAsync(email));
            Assert.Equal("Too many failed attempts: this account is locked for 15 minutes.", await AnswerAsync(email));
        }

        clock.Advance(NodaTime.Duration.FromMinutes(16));
        Assert.Equal("The email or the password is wrong.", await AnswerAsync("nobody@rw.example"));
        Assert.Equal("The email or the password is wrong.", await AnswerAsync("someone.else@rw.example")); // one address's lock is not another's
    }

    // Not a speed measurement: both answers must pay for one password hash (tens of milliseconds); without the decoy
    // an unknown email was answered 30 to 50 times faster, which told an attacker which addresses have accounts.
    [Fact]
    public async Task An_unknown_email_takes_as_long_to_refuse_as_a_real_one()
    {
        var db = await OrganisationAsync(DatabaseProvider.Sqlite);
        await Run(db, "correct horse battery staple\n", "user", "add", "--org", "rights-watch", "--email", "lead@rw.example", "--role", "security-lead");
        await using var app = await RunningApp.StartAsync(db, Clock);
        using var browser = new BrowserlessClient(app.Client.BaseAddress!);
        await browser.GetAsync("/Account/Login");

        var real = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            real.Add(await TimeAsync(() => browser.SubmitAsync("/Account/Login", SignIn("lead@rw.example", "wrong " + i))));
            unknown.Add(await TimeAsync(() => browser.SubmitAsync("/Account/Login", SignIn($"nobody{i}@rw.example", "wrong " + i))));
        }
        Assert.True(Median(unknown) > 0.4 * Median(real), $"unknown {Median(unknown):F1} ms, real {Median(real):F1} ms");
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await call();
        return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
