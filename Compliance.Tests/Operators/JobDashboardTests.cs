using System.Net;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Notices;
using Compliance.Tests.Browser;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compliance.Tests.Operators;

// The Hangfire dashboard shows every organisation's jobs: only an instance operator, signed in with a second factor
// in this session, may open it. Operators are made on the server's command line, never on the web.
public sealed partial class JobDashboardTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string Dashboard = "/admin/hangfire";
    private const string OtherAdmin = "admin@other.example";

    private DatabaseOptions Db => app.Services.GetRequiredService<DatabaseOptions>();

    private async Task GrantAsync(string email)
    {
        var (code, _, err) = await Cli.RunAsync(Db, app.Clock, "", "operator", "grant", "--email", email);
        Assert.True(code == 0, err);
    }

    /// <summary>The demo admin as an operator with an authenticator, signed in with password and code.</summary>
    private async Task<FormClient> OperatorWithSecondFactorAsync()
    {
        await GrantAsync(PagesApp.Admin);
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var admin = (await users.FindByEmailAsync(PagesApp.Admin))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
            key = (await users.GetAuthenticatorKeyAsync(admin))!;
        }
        var client = new FormClient(app.Address);
        var login = await client.PostAsync("/Account/Login", "/Account/Login", ("Email", PagesApp.Admin), ("Password", app.Passwords[PagesApp.Admin]));
        var codePage = login.Headers.Location!.OriginalString;
        Assert.StartsWith("/Account/LoginWith2fa", codePage);
        var code = Totp.Next(key, app.Clock); // codes are checked against the app's clock, and each works once
        var verified = await client.PostAsync(codePage, codePage, ("Code", code), ("ReturnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        return client;
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_sign_in()
    {
        using var anonymous = new FormClient(app.Address);
        var response = await anonymous.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task A_security_lead_and_the_admin_of_another_organisation_are_refused()
    {
        var lead = await app.SignedInAsync(PagesApp.Lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(Dashboard)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(Dashboard + "/jobs/failed")).StatusCode);

        var (created, _, err) = await Cli.RunAsync(Db, app.Clock, "", "org", "create", "--name", "Other NGO", "--slug", "other-ngo", "--zone", "UTC");
        Assert.True(created == 0, err);
        (created, _, err) = await Cli.RunAsync(Db, app.Clock, "a long enough password", "user", "add", "--org", "other-ngo", "--email", OtherAdmin, "--role", "admin");
        Assert.True(created == 0, err);
        using var other = new FormClient(app.Address);
        await other.SignInAsync(OtherAdmin, "a long enough password");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Admin/Jobs")).StatusCode);   // their own organisation's view
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Dashboard)).StatusCode);
    }

    [Fact]
    public async Task An_operator_signed_in_without_a_second_factor_is_told_to_use_one()
    {
        await GrantAsync(PagesApp.Viewer);
        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        var response = await viewer.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("two-factor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_operator_with_a_second_factor_sees_the_dashboard_and_its_actions_need_the_antiforgery_token()
    {
        using var ops = await OperatorWithSecondFactorAsync();
        var response = await ops.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hangfire", page);
        // Its state cards need inline style; its scripts stay files, and the rest of the app keeps the strict policy.
        Assert.Contains("style-src 'self' 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", (await ops.GetAsync("/Admin/Jobs")).Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain(Db.ConnectionString, page);

        // A job waiting in the queue (no server runs in this app), deleted from the dashboard: refused without the token.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var id = jobs.Enqueue<CampaignSendJob>(j => j.RunAsync(CancellationToken.None));
        var form = new FormUrlEncodedContent([new("jobs[]", id)]);
        var forged = await ops.RawPostAsync(Dashboard + "/jobs/enqueued/delete", form, null);
        Assert.False(forged.IsSuccessStatusCode, $"a POST without the token answered {(int)forged.StatusCode}");
        Assert.Equal("Enqueued", State(id));

        var header = CsrfHeader().Match(page).Groups[1].Value;
        var token = CsrfToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(header);
        Assert.NotEmpty(token);
        var real = await ops.RawPostAsync(Dashboard + "/jobs/enqueued/delete", new FormUrlEncodedContent([new("jobs[]", id)]), (header, WebUtility.HtmlDecode(token)));
        Assert.True(real.IsSuccessStatusCode, $"the dashboard's own POST answered {(int)real.StatusCode}");
        Assert.Equal("Deleted", State(id));
    }

    [Fact]
    public async Task The_operator_command_refuses_bad_input_with_exit_code_2_and_one_sentence()
    {
        var (code, _, err) = await Cli.RunAsync(Db, app.Clock, "", "operator", "grant", "--email", "nobody@nowhere.example");
        Assert.Equal(2, code);
        Assert.Contains("no account 'nobody@nowhere.example'", err);
        Assert.Single(err.Trim().Split('\n'));
        (code, _, err) = await Cli.RunAsync(Db, app.Clock, "", "operator", "promote", "--email", PagesApp.Lead);
        Assert.Equal(2, code);
        Assert.StartsWith("usage: operator grant", err);
    }

    [Fact]
    public async Task Granting_and_revoking_is_written_to_the_audit_log_and_a_revocation_holds_at_once()
    {
        var (code, _, _) = await Cli.RunAsync(Db, app.Clock, "", "operator", "grant", "--email", PagesApp.Legal);
        Assert.Equal(0, code);
        var legal = await app.SignedInAsync(PagesApp.Legal);
        (code, _, _) = await Cli.RunAsync(Db, app.Clock, "", "operator", "revoke", "--email", PagesApp.Legal);
        Assert.Equal(0, code);
        var response = await legal.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only the operators", await response.Content.ReadAsStringAsync());

        var actions = await app.ReadAsync(db => db.AuditEntries.Where(e => e.Data.Contains(PagesApp.Legal) && e.Action.StartsWith("operator."))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["operator.granted", "operator.revoked"], actions.Distinct());
        Assert.False(await app.ReadAsync(db => db.Users.Where(u => u.Email == PagesApp.Legal).Select(u => u.InstanceOperator).SingleAsync()));
    }

    private string State(string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name ?? "(none)";
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}

internal static class LocationExtensions
{
    public static string PathAndQuery(this Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
