using System.Net;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Compliance.Tests.Notices.NoticeApiSetup;

namespace Compliance.Tests.Notices;

/// <summary>The Campaign page's buttons through the API: approval by a second person, cancelling, resending unconfirmed messages, the proof.</summary>
[Collection(ApiCollection.Name)]
public sealed class CampaignApiCommandTests(ApiServers servers)
{
    private static async Task<(Guid Incident, Guid Campaign, string Path)> PreparedAsync(ApiWorld world)
    {
        var incident = await ReadyIncidentAsync(world);
        var id = (await CampaignApiTests.PrepareAsync(world, incident)).GetProperty("id").GetGuid();
        return (incident, id, $"/api/v1/incidents/{incident}/campaigns/{id}");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Who_prepared_a_campaign_cannot_approve_it_and_a_retried_approval_approves_once(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, id, path) = await PreparedAsync(world);

        using var own = await PostAsync(world, Caller.Legal, path + "/approve", key: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("You prepared this campaign, so someone else must approve it", await own.Content.ReadAsStringAsync());
        Assert.Equal(CampaignState.AwaitingApproval, await ReadAsync(world, db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));

        var key = Guid.NewGuid().ToString();
        using var approved = await PostAsync(world, Caller.SecurityLead, path + "/approve", key: key);
        var body = await approved.Content.ReadAsStringAsync();
        using var retried = await PostAsync(world, Caller.SecurityLead, path + "/approve", key: key);
        using var again = await PostAsync(world, Caller.SecurityLead, path + "/approve", key: Guid.NewGuid().ToString());

        var campaign = await world.ReadJsonAsync(approved);
        Assert.Equal(("sending", world.EmailOf(Caller.SecurityLead)), (campaign.GetProperty("state").GetString(), campaign.GetProperty("approvedBy").GetString()));
        Assert.Equal((HttpStatusCode.OK, body), (retried.StatusCode, await retried.Content.ReadAsStringAsync()));
        Assert.True(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("not awaiting approval", await again.Content.ReadAsStringAsync());
        var audit = Assert.Single(await AuditAsync(world, incident, "campaign.approved"));
        Assert.Equal((world.EmailOf(Caller.SecurityLead), world.EmailOf(Caller.Legal)),
            (audit.GetProperty("actor").GetString(), audit.GetProperty("data").GetProperty("preparedBy").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_approval_with_a_bad_field_is_a_400_naming_it_and_approves_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, id, path) = await PreparedAsync(world);

        using var notBoolean = await PostAsync(world, Caller.SecurityLead, path + "/approve", """{ "fallbacksSeen": "yes" }""");
        using var unknown = await PostAsync(world, Caller.SecurityLead, path + "/approve", """{ "approver": "someone@alpha.example" }""");

        Assert.Contains("true or false", ErrorsOf(await notBoolean.Content.ReadAsStringAsync(), "fallbacksSeen"));
        Assert.Contains("not a field", ErrorsOf(await unknown.Content.ReadAsStringAsync(), "approver"));
        Assert.Equal(CampaignState.AwaitingApproval, await ReadAsync(world, db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
        Assert.Empty(await AuditAsync(world, incident, "campaign.approved"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task People_who_get_another_language_are_shown_and_the_approver_must_confirm_seeing_them(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world, NoticeApiSetup.People + "Anna Weber,anna@example.de,HK,de\n");
        var campaign = await CampaignApiTests.PrepareAsync(world, incident);
        var path = campaign.GetProperty("links").GetProperty("self").GetString()!;
        var fallback = Assert.Single(campaign.GetProperty("fallbacks").EnumerateArray());
        Assert.Equal(("de", "en", 1), (fallback.GetProperty("readerLanguage").GetString(), fallback.GetProperty("templateLanguage").GetString(), fallback.GetProperty("people").GetInt32()));

        using var unseen = await PostAsync(world, Caller.SecurityLead, path + "/approve");
        Assert.Equal(HttpStatusCode.BadRequest, unseen.StatusCode);
        Assert.Contains("Confirm you have seen this", ErrorsOf(await unseen.Content.ReadAsStringAsync(), "fallbacksSeen"));
        Assert.Empty(await AuditAsync(world, incident, "campaign.approved"));

        var approved = await world.ReadJsonAsync(await PostAsync(world, Caller.SecurityLead, path + "/approve", """{ "fallbacksSeen": true }"""));
        Assert.Equal("sending", approved.GetProperty("state").GetString());
        var seen = Assert.Single(await AuditAsync(world, incident, "campaign.approved")).GetProperty("data").GetProperty("languageFallbacksSeen");
        Assert.Equal("de", Assert.Single(seen.EnumerateArray()).GetProperty("readerLanguage").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_cancelled_campaign_emails_no_one_and_cannot_be_cancelled_or_approved_again(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, _, path) = await PreparedAsync(world);

        var cancelled = await world.ReadJsonAsync(await PostAsync(world, Caller.SecurityLead, path + "/cancel"));
        using var twice = await PostAsync(world, Caller.SecurityLead, path + "/cancel");
        using var approve = await PostAsync(world, Caller.SecurityLead, path + "/approve");

        Assert.Equal(("cancelled", world.EmailOf(Caller.SecurityLead)), (cancelled.GetProperty("state").GetString(), cancelled.GetProperty("cancelledBy").GetString()));
        Assert.False(cancelled.GetProperty("actions").GetProperty("cancel").GetBoolean());
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (twice.StatusCode, approve.StatusCode));
        Assert.Contains("already cancelled", await twice.Content.ReadAsStringAsync());
        Assert.Single(await AuditAsync(world, incident, "campaign.cancelled"));
        Assert.Empty(await AuditAsync(world, incident, "campaign.approved"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_unconfirmed_messages_named_are_sent_again_once_however_often_the_request_is_retried(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, id, path) = await PreparedAsync(world);
        using var early = await PostAsync(world, Caller.Legal, path + "/resend-unconfirmed", """{ "messageIds": ["<a@b>"] }""");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await world.ReadJsonAsync(await PostAsync(world, Caller.SecurityLead, path + "/approve"));
        // The sender stopped after releasing every message, before the server's replies were recorded.
        await ReadAsync(world, async db =>
        {
            var line = 0;
            foreach (var r in await db.CampaignRecipients.Where(r => r.CampaignId == id).OrderBy(r => r.PersonId).ToListAsync())
                (r.State, r.MessageId, r.Confirmed) = (RecipientState.Sent, $"<m{++line}@notices.example>", false);
            return await db.SaveChangesAsync();
        });
        var before = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, path));
        Assert.Equal(3, before.GetProperty("progress").GetProperty("unconfirmed").GetInt32());
        Assert.Equal(["<m1@notices.example>", "<m2@notices.example>", "<m3@notices.example>"],
            before.GetProperty("unconfirmedMessageIds").EnumerateArray().Select(m => m.GetString()!));

        using var none = await PostAsync(world, Caller.Legal, path + "/resend-unconfirmed", """{ "messageIds": [] }""");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("only those are sent again", ErrorsOf(await none.Content.ReadAsStringAsync(), "messageIds"));
        var key = Guid.NewGuid().ToString();
        using var resent = await PostAsync(world, Caller.Legal, path + "/resend-unconfirmed", """{ "messageIds": ["<m2@notices.example>"] }""", key);
        using var retried = await PostAsync(world, Caller.Legal, path + "/resend-unconfirmed", """{ "messageIds": ["<m2@notices.example>"] }""", key);

        var answer = await world.ReadJsonAsync(resent);
        Assert.Equal(1, answer.GetProperty("resent").GetInt32());
        Assert.Equal(2, answer.GetProperty("campaign").GetProperty("progress").GetProperty("unconfirmed").GetInt32());
        Assert.True(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(RecipientState.Queued, await ReadAsync(world, db => db.CampaignRecipients
            .Where(r => r.CampaignId == id && r.MessageId == "<m2@notices.example>").Select(r => r.State).SingleAsync()));
        var audit = Assert.Single(await AuditAsync(world, incident, "campaign.resend-unconfirmed"));
        Assert.Equal(1, audit.GetProperty("data").GetProperty("count").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_proof_CSV_lists_every_recipient_and_the_PDF_has_the_approved_hash_and_both_are_audited(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, _, path) = await PreparedAsync(world);
        var campaign = await world.ReadJsonAsync(await PostAsync(world, Caller.SecurityLead, path + "/approve"));

        using var csv = await world.GetAsync(Caller.Legal, path + "/proof.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line,name,email,jurisdiction,language,state", rows[0]);
        Assert.Equal(3, rows.Length - 1);
        foreach (var (name, email) in new[] { ("Chan Tai Man", "tai.man@example.hk"), ("Wong Siu Ling", "siu.ling@example.hk"), ("Lee Ka Yan", "ka.yan@example.hk") })
            Assert.Contains(rows, r => r.Contains(name) && r.Contains(email) && r.Contains(",HK,"));

        using var pdf = await world.GetAsync(Caller.SecurityLead, path + "/proof.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Proof of notification", text);
        Assert.Contains(campaign.GetProperty("templateHash").GetString()!, text.Replace("\n", "").Replace(" ", ""));
        Assert.Matches(@"Recipients\s+3\b", text);
        Assert.DoesNotContain("Chan Tai Man", text);

        var export = Assert.Single(await AuditAsync(world, incident, "people.exported"));
        Assert.Equal(3, export.GetProperty("data").GetProperty("count").GetInt32());
        Assert.Equal(world.EmailOf(Caller.SecurityLead), Assert.Single(await AuditAsync(world, incident, "campaign.proof-downloaded")).GetProperty("actor").GetString());
    }
}
