using Compliance.Domain.Incidents;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Notices;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.People;

// Recording the contacts made with people who cannot be emailed: who may, what is refused (naming the field), what
// another organisation sees (nothing), what the audit log keeps (no notes), and that the notes are encrypted at rest.
public sealed class ManualContactTests
{
    private const string Supporters = """
        Name,Email,Country,Language
        Ng Ka Yan,,HK,zh-Hant
        Lee Wai Ling,wl.lee@example.hk,HK,en
        """;

    private const string Notes = "Spoke to her at the Mong Kok office; she knows to change her passwords.";

    /// <summary>What a person enters for the incident of the world.</summary>
    private sealed record Input(Guid? PersonId, string? Method, string? Outcome, Instant? ContactedAt, string? Notes);

    private static RecordContact Record(CampaignWorld world, ComplianceDbContext db) =>
        new(db, world.Protector, new IncidentAccess(db, world.Clock), RulesEngine.Default, world.Clock);

    private static ContactReadAccess Access(CampaignWorld world, ComplianceDbContext db) => new(new IncidentAccess(db, world.Clock), world.Clock);

    private static RecordedContacts Contacts(CampaignWorld world, ComplianceDbContext db) => new(db, world.Protector, Access(world, db), world.Clock);

    private static ContactWorklist Worklist(CampaignWorld world, ComplianceDbContext db) => new(db, world.Protector, Access(world, db), world.Clock);

    private static async Task<Guid> NgAsync(CampaignWorld world)
    {
        await using var db = world.Open();
        return await db.AffectedPeople.Where(p => p.IncidentId == world.Incident && p.EmailLookup == null).Select(p => p.Id).SingleAsync();
    }

    private static async Task<Outcome<ManualContact>> RecordAsync(CampaignWorld world, Actor actor, Input input)
    {
        await using var db = world.Open();
        return await Record(world, db).HandleAsync(actor, new(world.Incident, input.PersonId, input.Method, input.Outcome, input.ContactedAt, input.Notes));
    }

    private static Actor As(Role role, Guid? incident = null, Guid? organisation = null) =>
        new(Guid.NewGuid(), $"{KebabCase<Role>.ToId(role)}@demo.example", organisation ?? DemoSeeder.OrganisationId, role, incident);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_contact_is_stored_with_its_notes_encrypted_audited_without_them_and_read_back(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, Supporters);
        var ng = await NgAsync(world);
        var at = world.Clock.GetCurrentInstant() - Duration.FromHours(2);
        var recorded = await RecordAsync(world, As(Role.Responder, world.Incident), new(ng, "in-person", "reached", at, Notes));
        Assert.True(recorded.IsOk, string.Join("; ", recorded.Errors.SelectMany(e => e.Value)));

        await using var db = world.Open();
        var row = await db.PersonContacts.SingleAsync();
        Assert.Equal((ContactMethod.InPerson, ContactOutcome.Reached, StoredPrecision.Of(at), "responder@demo.example"), (row.Method, row.Outcome, row.ContactedAt, row.RecordedBy));
        Assert.Equal("Asia/Hong_Kong", row.Zone);
        Assert.DoesNotContain("Mong Kok", row.ProtectedNotes);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "people.contact-recorded");
        Assert.Contains(ng.ToString(), audit.Data);
        Assert.DoesNotContain("Mong Kok", audit.Data);

        var listed = await Contacts(world, db).ListAsync(As(Role.SecurityLead), world.Incident);
        Assert.Equal(Notes, Assert.Single(listed.Value!).Notes);
        var worklist = await Worklist(world, db).GetAsync(As(Role.Admin), world.Incident);
        var entry = Assert.Single(worklist.Value!.People);
        Assert.True(entry.Notified);
        Assert.Equal("no email address", entry.Why);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_is_refused_naming_each_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, Supporters);
        var ng = await NgAsync(world);
        var now = world.Clock.GetCurrentInstant();
        var lead = As(Role.SecurityLead);
        (Input Input, string Field, string Words)[] cases =
        [
            (new(null, "phone", "reached", now, null), "personId", "Choose the person"),
            (new(Guid.NewGuid(), "phone", "reached", now, null), "personId", "not one of this incident's affected people"),
            (new(ng, "email", "reached", now, null), "method", "delegate, in-person, phone, post"),
            (new(ng, "phone", "maybe", now, null), "outcome", "delegate-informed, not-reached, reached, refused"),
            (new(ng, "phone", "reached", null, null), "contactedAt", "Enter when"),
            (new(ng, "phone", "reached", now + Duration.FromDays(1), null), "contactedAt", "in the future"),
            (new(ng, "phone", "reached", now, "call\u0007back"), "notes", "control character"),
            (new(ng, "phone", "reached", now, new string('x', RecordContact.NotesMaxLength + 1)), "notes", "too long"),
        ];
        foreach (var (input, field, words) in cases)
        {
            var refused = await RecordAsync(world, lead, input);
            Assert.Equal(OutcomeStatus.Invalid, refused.Status);
            Assert.Contains(words, Assert.Single(refused.Errors[field]));
        }
        await using var db = world.Open();
        Assert.False(await db.PersonContacts.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "people.contact-recorded"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Admins_security_leads_and_the_incidents_responder_record_others_may_not_and_other_organisations_see_nothing(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, Supporters);
        var ng = await NgAsync(world);
        Input Input() => new(ng, "phone", "not-reached", world.Clock.GetCurrentInstant(), null);

        Assert.True((await RecordAsync(world, As(Role.Admin), Input())).IsOk);
        Assert.True((await RecordAsync(world, As(Role.SecurityLead), Input())).IsOk);
        Assert.True((await RecordAsync(world, As(Role.Responder, world.Incident), Input())).IsOk);
        Assert.Equal(OutcomeStatus.Forbidden, (await RecordAsync(world, As(Role.Legal), Input())).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await RecordAsync(world, As(Role.Viewer), Input())).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await RecordAsync(world, As(Role.Responder, Guid.NewGuid()), Input())).Status);

        Guid outsiderOrganisation;
        await using (var db = world.Open())
        {
            var outsider = new Domain.Organisations.Organisation(Guid.NewGuid(), "Beta Aid", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
            db.Organisations.Add(outsider);
            await db.SaveChangesAsync();
            outsiderOrganisation = outsider.Id;
        }
        var stranger = As(Role.Admin, organisation: outsiderOrganisation);
        Assert.Equal(OutcomeStatus.NotFound, (await RecordAsync(world, stranger, Input())).Status);
        await using (var db = world.Open())
        {
            Assert.Equal(OutcomeStatus.NotFound, (await Contacts(world, db).ListAsync(stranger, world.Incident)).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await Contacts(world, db).ListAsync(As(Role.Viewer), world.Incident)).Status);
            Assert.Equal(3, (await Contacts(world, db).ListAsync(As(Role.Legal), world.Incident)).Value!.Count); // legal staff read
            Assert.Equal(3, await db.PersonContacts.CountAsync());
        }
    }
}
