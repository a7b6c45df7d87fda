using System.Net;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Reminders;

public sealed class JobsPageTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-03-09T09:00:00Z");

    private static async Task<(DatabaseOptions Db, Guid OrgId, Guid MailId)> SetUpAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var orgId = Guid.NewGuid();
        ctx.Organisations.Add(new Organisation(orgId, "Haki Network", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []));
        foreach (var (email, role) in new[] { ("admin@haki.example", Role.Admin), ("viewer@haki.example", Role.Viewer) })
        {
            var user = new User(Guid.NewGuid(), email, email, Clock.Now);
            user.PasswordHash = new PasswordHasher<User>().HashPassword(user, "correct horse battery staple");
            ctx.Users.Add(user);
            ctx.Members.Add(new Member(Guid.NewGuid(), orgId, user.Id, role));
        }
        var failed = new MailLogEntry(orgId, "reminder:0123456789abcdef0123456789abcdef", "lead@haki.example", "Deadline in 4 hours", Clock.Now)
        {
            State = MailState.Failed, ServerReply = "550 5.1.1 mailbox unavailable",
        };
        ctx.MailLog.Add(failed);
        await ctx.SaveChangesAsync();
        return (db, orgId, failed.Id);
    }

    private static async Task<BrowserlessClient> SignInAsync(RunningApp app, string email)
    {
        var browser = new BrowserlessClient(app.Client.BaseAddress!);
        var response = await browser.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "correct horse battery staple" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task An_admin_sees_a_failure_with_the_servers_words_and_retries_it()
    {
        var (db, _, mailId) = await SetUpAsync();
        await using var app = await RunningApp.StartAsync(db, Clock);
        using var admin = await SignInAsync(app, "admin@haki.example");

        var page = await (await admin.GetAsync("/Admin/Jobs")).Content.ReadAsStringAsync();
        Assert.Contains("550 5.1.1 mailbox unavailable", page);

        var retried = await admin.SubmitAsync("/Admin/Jobs", new Dictionary<string, string> { ["id"] = mailId.ToString() }, "/Admin/Jobs?handler=Retry");
        Assert.Contains("will be tried again", await retried.Content.ReadAsStringAsync());
        await using var ctx = ComplianceDatabase.CreateContext(db);
        Assert.Equal(MailState.RetryLater, (await ctx.MailLog.SingleAsync()).State);
        Assert.Contains(await ctx.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "mail.retry");
    }

    [Fact]
    public async Task Only_admins_may_open_the_jobs_page()
    {
        var (db, _, _) = await SetUpAsync();
        await using var app = await RunningApp.StartAsync(db, Clock);
        using var viewer = await SignInAsync(app, "viewer@haki.example");
        var response = await viewer.GetAsync("/Admin/Jobs");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("550 5.1.1", await response.Content.ReadAsStringAsync());
    }
}
