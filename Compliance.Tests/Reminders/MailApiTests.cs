using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Tests.Api;
using Compliance.Tests.Members;
using Compliance.Tests.Organisations;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compliance.Tests.Reminders;

/// <summary>
/// The Jobs page's mail activity through the API (admins only): failed and sent mail with the server's words, and a
/// retry that puts a failed mail back in the queue once, audited; another organisation sees none of it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MailApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_sees_a_failed_mail_with_the_servers_words_and_has_it_tried_again_once(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (failed, sent) = (await SeedAsync(world, Caller.Admin, MailState.Failed), await SeedAsync(world, Caller.Admin, MailState.Sent));

        var mail = await MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/mail?limit=2");
        var row = Assert.Single(mail, m => m.GetProperty("id").GetGuid() == failed);
        Assert.Equal(("failed", "550 5.1.1 mailbox unknown", "lead@alpha.example"),
            (row.GetProperty("state").GetString(), row.GetProperty("serverReply").GetString(), row.GetProperty("recipient").GetString()));
        Assert.Equal("2019-03-16T10:00:00+08:00", row.GetProperty("createdAt").GetString());
        Assert.Equal("sent", Assert.Single(mail, m => m.GetProperty("id").GetGuid() == sent).GetProperty("state").GetString());
        Assert.True(mail.FindIndex(m => m.GetProperty("id").GetGuid() == failed) < mail.FindIndex(m => m.GetProperty("id").GetGuid() == sent));

        var key = Guid.NewGuid().ToString();
        var retried = await world.ReadJsonAsync(await RetryAsync(world, Caller.Admin, failed, key));
        Assert.True(retried.GetProperty("retried").GetBoolean());
        Assert.Equal("retry-later", retried.GetProperty("mail").GetProperty("state").GetString());
        Assert.Equal(retried.ToString(), (await world.ReadJsonAsync(await RetryAsync(world, Caller.Admin, failed, key))).ToString());
        var again = await world.ReadJsonAsync(await RetryAsync(world, Caller.Admin, failed, Guid.NewGuid().ToString()));
        Assert.False(again.GetProperty("retried").GetBoolean());
        Assert.Equal(MailState.RetryLater, await StateAsync(world, failed));

        var line = Assert.Single(await OrganisationApi.LinesAsync(world, "mail.retry"), l => l.GetProperty("data").GetProperty("id").GetGuid() == failed);
        Assert.Equal("admin@alpha.example", line.GetProperty("actor").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_admins_read_the_mail_or_retry_it(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var failed = await SeedAsync(world, Caller.Admin, MailState.Failed);

        foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal, Caller.Viewer, Caller.ResponderOnThisIncident })
        {
            using var list = await world.GetAsync(caller, "/api/v1/mail");
            using var retry = await RetryAsync(world, caller, failed);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, retry.StatusCode));
        }

        Assert.Equal(MailState.Failed, await StateAsync(world, failed));
        Assert.DoesNotContain(await OrganisationApi.LinesAsync(world, "mail.retry"), l => l.GetProperty("data").GetProperty("id").GetGuid() == failed);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_paging_is_a_400_naming_the_parameter_and_an_unknown_mail_is_a_404(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var failed = await SeedAsync(world, Caller.Admin, MailState.Failed);

        using var limit = await world.GetAsync(Caller.Admin, "/api/v1/mail?limit=0");
        using var after = await world.GetAsync(Caller.Admin, "/api/v1/mail?after=not-a-cursor");
        using var unknown = await RetryAsync(world, Caller.Admin, Guid.NewGuid());

        Assert.Contains("from 1 to", IncidentStoryTests.ErrorsOf(await limit.Content.ReadAsStringAsync(), "limit"));
        Assert.Contains("not a cursor", IncidentStoryTests.ErrorsOf(await after.Content.ReadAsStringAsync(), "after"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(MailState.Failed, await StateAsync(world, failed));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_admin_neither_sees_nor_retries_Alphas_mail(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var alphas = await SeedAsync(world, Caller.Admin, MailState.Failed);
        var betas = await SeedAsync(world, Caller.OtherOrganisation, MailState.Failed);

        var seen = await MemberApi.AllPagesAsync(world, Caller.OtherOrganisation, "/api/v1/mail");
        Assert.Contains(seen, m => m.GetProperty("id").GetGuid() == betas);
        Assert.DoesNotContain(seen, m => m.GetProperty("id").GetGuid() == alphas);
        Assert.Equal("2019-03-16T02:00:00+00:00", seen.Single(m => m.GetProperty("id").GetGuid() == betas).GetProperty("createdAt").GetString());
        using var retry = await RetryAsync(world, Caller.OtherOrganisation, alphas);

        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        Assert.Equal(MailState.Failed, await StateAsync(world, alphas));
    }

    private static Task<HttpResponseMessage> RetryAsync(ApiWorld world, Caller caller, Guid id, string? key = null) =>
        world.SendAsync(caller, HttpMethod.Post, $"/api/v1/mail/{id}/retry", configure: r => { if (key is not null) r.Headers.TryAddWithoutValidation("Idempotency-Key", key); });

    /// <summary>A mail of the caller's organisation in this state, written as the sender writes it.</summary>
    private static async Task<Guid> SeedAsync(ApiWorld world, Caller caller, MailState state)
    {
        var organisation = (await world.ReadJsonAsync(await world.GetAsync(caller, "/api/v1/me"))).GetProperty("organisationId").GetGuid();
        var at = Instant.FromUtc(2019, 3, 16, 2, 0);
        var entry = new MailLogEntry(organisation, $"test:{Guid.NewGuid():N}", "lead@alpha.example", $"Deadline in 4 hours {Guid.NewGuid():N}", at)
        {
            State = state,
            ServerReply = state == MailState.Failed ? "550 5.1.1 mailbox unknown" : "250 OK",
            SentAt = state == MailState.Sent ? at + Duration.FromSeconds(2) : null,
        };
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.MailLog.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private static async Task<MailState> StateAsync(ApiWorld world, Guid id)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().MailLog.AsNoTracking().SingleAsync(m => m.Id == id)).State;
    }
}
