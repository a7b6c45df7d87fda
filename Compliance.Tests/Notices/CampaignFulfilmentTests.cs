using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Tests.Notices;

// Proof for everyone: a campaign that finishes marks the duty to tell the people of each jurisdiction it covered, and
// the contacts recorded for the people it could not email complete it. Sent for real through smtp-sink on loopback.
public sealed class CampaignFulfilmentTests
{
    private const string Supporters = """
        Name,Email,Country,Language
        陳大文,tai.man.chan@example.hk,HK,zh-Hant
        Lee Wai Ling,wl.lee@example.hk,HK,en
        Activist A,a.activist@example.hk,HK,zh-Hant
        Ng Ka Yan,,HK,zh-Hant
        """;

    private static Actor Responder(CampaignWorld world) => new(Guid.NewGuid(), "responder@demo.example", DemoSeeder.OrganisationId, Role.Responder, world.Incident);

    private static async Task<Obligation> HongKongPeopleDutyAsync(CampaignWorld world)
    {
        await using var db = world.Open();
        return await db.Obligations.SingleAsync(o => o.IncidentId == world.Incident && o.RuleId == "hk-pdpo-individuals" && o.Status != ObligationStatus.Superseded);
    }

    private static async Task<Guid> PersonAsync(CampaignWorld world, string name)
    {
        await using var db = world.Open();
        var register = new PeopleRegister(db, world.Protector, new IncidentAccess(db, world.Clock), world.Clock);
        return (await register.ListAsync(CampaignWorld.Legal, world.Incident, "test")).Value!.Single(p => p.Details.Name == name).Id;
    }

    private static async Task<int> AuditCountAsync(CampaignWorld world, string action)
    {
        await using var db = world.Open();
        return await db.AuditEntries.CountAsync(e => e.IncidentId == world.Incident && e.Action == action);
    }

    private static async Task SendAllAsync(CampaignWorld world)
    {
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);
        await world.ApprovedCampaignAsync();
        await world.Sender(transport).RunAsync();
    }

    private static async Task<Outcome<ManualContact>> ContactAsync(CampaignWorld world, Actor actor, string name, string outcome, string method = "phone")
    {
        var person = await PersonAsync(world, name);
        await using var db = world.Open();
        var record = new RecordContact(db, world.Protector, new IncidentAccess(db, world.Clock), RulesEngine.Default, world.Clock);
        return await record.HandleAsync(actor,
            new RecordContact.Request(world.Incident, person, method, outcome, world.Clock.GetCurrentInstant() - Duration.FromHours(1), "Called the Hong Kong office line."));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_finished_campaign_that_reached_everyone_fulfils_the_duty_with_its_proof_and_a_rerun_changes_nothing(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, CampaignWorld.People(3));
        Assert.Equal(ObligationStatus.Open, (await HongKongPeopleDutyAsync(world)).Status);

        await SendAllAsync(world);

        var duty = await HongKongPeopleDutyAsync(world);
        Assert.Equal(ObligationStatus.Done, duty.Status);
        Assert.Equal((3, 0, 0), (duty.PeopleNotified, duty.PeoplePending, duty.PeopleUnreachable));
        Assert.Contains("All 3 people notified: 3 by email, 0 by manual contact", duty.FilingReference);
        Assert.Equal(CampaignFulfilment.Actor, duty.FiledBy);
        await using (var db = world.Open())
        {
            var proof = await db.EvidenceFiles.SingleAsync(e => e.ObligationId == duty.Id);
            Assert.Equal(duty.EvidenceFileId, proof.Id);
            Assert.StartsWith("campaign-proof-", proof.FileName);
            Assert.Equal("%PDF"u8.ToArray(), proof.Content[..4]);
            var sentAt = await db.CampaignRecipients.MaxAsync(r => r.SentAt);
            Assert.Equal(sentAt, duty.FiledAt); // the duty is done when the last person was told
        }
        Assert.Equal(1, await AuditCountAsync(world, "obligation.fulfilled"));
        var counted = await AuditCountAsync(world, "obligation.people-counted");

        // Run again (a second sweep, a resend finishing): nothing is attached, counted or fulfilled twice.
        await using (var db = world.Open())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.IncidentId == world.Incident);
            await new CampaignFulfilment(world.Open, world.Clock, NullLogger.Instance).CampaignFinishedAsync(campaign.Id);
        }
        await using (var db = world.Open())
            Assert.Equal(1, await db.EvidenceFiles.CountAsync(e => e.ObligationId == duty.Id));
        Assert.Equal(1, await AuditCountAsync(world, "obligation.fulfilled"));
        Assert.Equal(counted, await AuditCountAsync(world, "obligation.people-counted"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Flagged_people_leave_the_duty_partly_fulfilled_until_a_contact_reaches_each_of_them(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, Supporters);
        var activist = await PersonAsync(world, "Activist A");
        await using (var db = world.Open())
        {
            var register = new PeopleRegister(db, world.Protector, new IncidentAccess(db, world.Clock), world.Clock);
            Assert.True((await new SetPersonFlags(db, world.Protector, new IncidentAccess(db, world.Clock), world.Clock).HandleAsync(CampaignWorld.Legal, new(world.Incident, activist, true, null, null))).IsOk);
        }

        await SendAllAsync(world);

        // Two emailed; the activist (do not email) and Ng Ka Yan (no address) wait for a manual contact.
        var partly = await HongKongPeopleDutyAsync(world);
        Assert.Equal(ObligationStatus.Open, partly.Status);
        Assert.Equal((2, 0, 2), (partly.PeopleNotified, partly.PeoplePending, partly.PeopleUnreachable));
        await using (var db = world.Open())
            Assert.Equal(1, await db.EvidenceFiles.CountAsync(e => e.ObligationId == partly.Id)); // the proof is kept already

        // A call that did not get through changes nothing; one that reached them counts.
        Assert.True((await ContactAsync(world, Responder(world), "Activist A", "not-reached")).IsOk);
        var unchanged = await HongKongPeopleDutyAsync(world);
        Assert.Equal((2, 2, ObligationStatus.Open), (unchanged.PeopleNotified, unchanged.PeopleUnreachable, unchanged.Status));
        Assert.True((await ContactAsync(world, Responder(world), "Activist A", "reached")).IsOk);
        var oneLeft = await HongKongPeopleDutyAsync(world);
        Assert.Equal((3, 1), (oneLeft.PeopleNotified, oneLeft.PeopleUnreachable));
        Assert.Equal(ObligationStatus.Open, oneLeft.Status);

        Assert.True((await ContactAsync(world, CampaignWorld.Lead, "Ng Ka Yan", "delegate-informed", "delegate")).IsOk);
        var done = await HongKongPeopleDutyAsync(world);
        Assert.Equal(ObligationStatus.Done, done.Status);
        Assert.Equal((4, 0, 0), (done.PeopleNotified, done.PeoplePending, done.PeopleUnreachable));
        Assert.Contains("2 by email, 2 by manual contact", done.FilingReference);
        Assert.Equal(CampaignWorld.Lead.Email, done.FiledBy);
        Assert.NotNull(done.EvidenceFileId); // the campaign's proof
        Assert.Equal(1, await AuditCountAsync(world, "obligation.fulfilled"));

        // One more contact afterwards does not fulfil it again.
        Assert.True((await ContactAsync(world, Responder(world), "Ng Ka Yan", "reached")).IsOk);
        Assert.Equal(1, await AuditCountAsync(world, "obligation.fulfilled"));
    }
}
