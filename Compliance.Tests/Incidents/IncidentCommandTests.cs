using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Incidents;

/// <summary>The commands and reads of incidents and their duties, as pages, API and command line all call them.</summary>
public sealed class IncidentCommandTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-03-02T09:00:00Z");

    private const string HongKong = """
        { "title": "Supporter database intrusion", "awareAt": "2026-03-01T10:00:00+08:00",
          "dataCategories": ["name", "national-id", "email"], "affected": [{ "jurisdiction": "HK", "count": 2400 }],
          "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "high",
          "riskRationale": "HKID numbers with names: identity theft and targeting of activists." }
        """;

    private static Task<(DatabaseOptions, TestOrganisation, TestOrganisation)> TwoOrganisationsAsync(DatabaseProvider provider) =>
        TwoOrganisations.CreateAsync(provider, "Asia/Hong_Kong", "HK");

    private static Desk Workspace(ComplianceDbContext db) => new(db);

    /// <summary>Each handler and query by the name of what it does, over one unit of work.</summary>
    private sealed class Desk(ComplianceDbContext db)
    {
        public Task<Outcome<Incident>> CreateAsync(Actor a, IncidentInput input) => new CreateIncident(db, RulesEngine.Default, Clock).HandleAsync(a, input);
        public Task<Outcome<Incident>> UpdateAsync(Actor a, Guid id, IncidentInput input, int? expectedVersion) =>
            new UpdateIncident(db, RulesEngine.Default, Clock).HandleAsync(a, new UpdateIncidentRequest(id, input, expectedVersion));
        public Task<Outcome<Incident>> SetStatusAsync(Actor a, Guid id, IncidentStatus status) => new SetIncidentStatus(db, Clock).HandleAsync(a, new SetIncidentStatusRequest(id, status));
        public Task<Outcome<TimelineEvent>> AddTimelineEventAsync(Actor a, Guid id, Instant at, string text) =>
            new AddTimelineEvent(db, Clock).HandleAsync(a, new AddTimelineEventRequest(id, at, text));
        public Task<Outcome<Obligation>> DecideNotRequiredAsync(Actor a, Guid id, string rationale) => new DecideNotRequired(db, Clock).HandleAsync(a, new DecideNotRequiredRequest(id, rationale));
        public Task<Outcome<Obligation>> FulfilAsync(Actor a, Guid id, Instant at, string reference, EvidenceUpload? evidence) =>
            new FulfilDuty(db, RulesEngine.Default, Clock).HandleAsync(a, new FulfilDutyRequest(id, at, reference, evidence));
        public Task<Outcome<Incident>> GetAsync(Actor a, Guid id) => new IncidentAccess(db, Clock).GetAsync(a, id);
        public Task<Outcome<IReadOnlyList<Incident>>> ListAsync(Actor a) => new IncidentAccess(db, Clock).ListAsync(a);
        public Task<Outcome<IReadOnlyList<Obligation>>> ObligationsAsync(Actor a, Guid id, bool withHistory) => new IncidentDuties(db, Clock).ReadAsync(a, id, withHistory);
        public Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> OpenDutiesAsync(Actor a) => new OpenDuties(db, Clock).ReadAsync(a);
        public Task<Outcome<EvidenceFile>> EvidenceAsync(Actor a, Guid id) => new DutyEvidence(db, Clock).ReadAsync(a, id);
        public Task<Outcome<IReadOnlyList<AuditEntry>>> AuditAsync(Actor a, Guid id) => new IncidentAuditTrail(db, Clock).ReadAsync(a, id);
    }

    private static IncidentInput Input(string json, string zone = "Asia/Hong_Kong")
    {
        var (input, errors) = IncidentInput.Parse(JsonDocument.Parse(json).RootElement, zone);
        Assert.True(input is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return input!;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_security_lead_logs_an_incident_and_its_duties_appear(DatabaseProvider provider)
    {
        var (options, alpha, _) = await TwoOrganisationsAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var created = await Workspace(db).CreateAsync(alpha.Lead, Input(HongKong));

        Assert.True(created.IsOk);
        Assert.Equal("INC-2026-001", created.Value!.Reference);
        var duties = await Workspace(db).ObligationsAsync(alpha.Lead, created.Value.Id, withHistory: false);
        Assert.Contains(duties.Value!, o => o.RuleId == "hk-pdpo-pcpd" && !o.Mandatory);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisation_cannot_even_see_the_incident(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await TwoOrganisationsAsync(provider);
        Guid id;
        await using (var db = ComplianceDatabase.CreateContext(options)) id = (await Workspace(db).CreateAsync(alpha.Lead, Input(HongKong))).Value!.Id;

        await using var other = ComplianceDatabase.CreateContext(options);
        var ws = Workspace(other);
        Assert.Equal(OutcomeStatus.NotFound, (await ws.GetAsync(beta.Admin, id)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await ws.UpdateAsync(beta.Admin, id, Input(HongKong), null)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await ws.ObligationsAsync(beta.Admin, id, true)).Status);
        Assert.Empty((await ws.ListAsync(beta.Admin)).Value!);
        Assert.Empty(await ws.OpenDutiesAsync(beta.Admin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Roles_limit_what_each_person_may_do(DatabaseProvider provider)
    {
        var (options, alpha, _) = await TwoOrganisationsAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var ws = Workspace(db);
        Assert.Equal(OutcomeStatus.Forbidden, (await ws.CreateAsync(alpha.Viewer, Input(HongKong))).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await ws.CreateAsync(alpha.Legal, Input(HongKong))).Status);
        var id = (await ws.CreateAsync(alpha.Lead, Input(HongKong))).Value!.Id;

        Assert.True((await ws.GetAsync(alpha.Viewer, id)).IsOk);
        Assert.Equal(OutcomeStatus.Forbidden, (await ws.UpdateAsync(alpha.Legal, id, Input(HongKong), null)).Status);
        var duty = (await ws.ObligationsAsync(alpha.Legal, id, false)).Value!.First(o => o.RuleId == "hk-pdpo-pcpd");
        Assert.Equal(OutcomeStatus.Forbidden, (await ws.DecideNotRequiredAsync(alpha.Viewer, duty.Id, "Not needed for this breach at all.")).Status);
        Assert.True((await ws.DecideNotRequiredAsync(alpha.Legal, duty.Id, "Voluntary; we told the PCPD by phone instead.")).IsOk);

        var responder = new Actor(Guid.NewGuid(), "forensics@example.org", alpha.Id, Role.Responder, id, Clock.Now + Duration.FromDays(7));
        Assert.True((await ws.GetAsync(responder, id)).IsOk);
        Assert.True((await ws.AddTimelineEventAsync(responder, id, Clock.Now, "Found the web shell on the CRM server.")).IsOk);
        Assert.Equal(OutcomeStatus.Forbidden, (await ws.UpdateAsync(responder, id, Input(HongKong), null)).Status);
        var expired = responder with { ExpiresAt = Clock.Now - Duration.FromMinutes(1) };
        Assert.Equal(OutcomeStatus.NotFound, (await ws.GetAsync(expired, id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Correcting_the_awareness_time_moves_the_duties_and_the_audit_shows_before_and_after(DatabaseProvider provider)
    {
        var (options, alpha, _) = await TwoOrganisationsAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var ws = Workspace(db);
        var incident = (await ws.CreateAsync(alpha.Lead, Input(HongKong.Replace("\"HK\"", "\"IE\"")))).Value!;
        var corrected = Input(HongKong.Replace("\"HK\"", "\"IE\"").Replace("2026-03-01T10:00:00+08:00", "2026-02-28T10:00:00+08:00"));

        var updated = await ws.UpdateAsync(alpha.Lead, incident.Id, corrected, expectedVersion: 0);
        Assert.True(updated.IsOk);
        var history = (await ws.ObligationsAsync(alpha.Lead, incident.Id, withHistory: true)).Value!.Where(o => o.RuleId == "eu-gdpr-art33").ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains(history, o => o.Status == ObligationStatus.Open && o.Deadline == Instant.FromUtc(2026, 2, 28, 2, 0) + Duration.FromHours(72));

        var audit = (await ws.AuditAsync(alpha.Lead, incident.Id)).Value!;
        var update = Assert.Single(audit, e => e.Action == "incident.updated");
        Assert.Contains("awareAt", update.Data);
        Assert.Contains("2026-03-01T02:00:00Z", update.Data);
        Assert.Contains("2026-02-28T02:00:00Z", update.Data);

        var stale = await ws.UpdateAsync(alpha.Lead, incident.Id, Input(HongKong), expectedVersion: 0);
        Assert.Equal(OutcomeStatus.Conflict, stale.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Closing_is_refused_while_a_mandatory_duty_is_undecided(DatabaseProvider provider)
    {
        var (options, alpha, _) = await TwoOrganisationsAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var ws = Workspace(db);
        var incident = (await ws.CreateAsync(alpha.Lead, Input(HongKong.Replace("\"HK\"", "\"KE\"")))).Value!;

        var refused = await ws.SetStatusAsync(alpha.Lead, incident.Id, IncidentStatus.Closed);
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Contains("status", refused.Errors.Keys);

        foreach (var duty in (await ws.ObligationsAsync(alpha.Lead, incident.Id, false)).Value!.Where(o => o.Mandatory))
            Assert.True((await ws.FulfilAsync(alpha.Lead, duty.Id, Clock.Now, "ODPC-2026-77", null)).IsOk);
        Assert.True((await ws.SetStatusAsync(alpha.Lead, incident.Id, IncidentStatus.Closed)).IsOk);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Not_required_needs_a_reason_and_fulfilment_keeps_evidence_and_frozen_lateness(DatabaseProvider provider)
    {
        var (options, alpha, _) = await TwoOrganisationsAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var ws = Workspace(db);
        var incident = (await ws.CreateAsync(alpha.Lead, Input(HongKong.Replace("\"HK\"", "\"KE\"")))).Value!;
        var duties = (await ws.ObligationsAsync(alpha.Lead, incident.Id, false)).Value!;
        var regulator = duties.Single(o => o.RuleId == "ke-dpa-s43-1a");

        Assert.Equal(OutcomeStatus.Invalid, (await ws.DecideNotRequiredAsync(alpha.Legal, regulator.Id, "no")).Status);
        var filed = await ws.FulfilAsync(alpha.Legal, regulator.Id, Clock.Now, "ODPC-2026-77",
            new EvidenceUpload("receipt.pdf", "application/pdf", [1, 2, 3]));
        Assert.True(filed.IsOk);
        Assert.False(filed.Value!.WasLate);
        var evidence = await ws.EvidenceAsync(alpha.Viewer, filed.Value.EvidenceFileId!.Value);
        Assert.Equal("receipt.pdf", evidence.Value!.FileName);
        Assert.Equal(64, evidence.Value.Sha256.Length);
        Assert.Equal(OutcomeStatus.Invalid, (await ws.FulfilAsync(alpha.Legal, regulator.Id, Clock.Now + Duration.FromDays(1), "x", null)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task California_AG_copy_counts_from_the_day_people_were_actually_told(DatabaseProvider provider)
    {
        var (options, alpha, _) = await TwoOrganisationsAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var ws = Workspace(db);
        var json = HongKong.Replace("\"HK\", \"count\": 2400", "\"US-CA\", \"count\": 900").Replace("2026-03-01T10:00:00+08:00", "2026-02-10T10:00:00-08:00");
        var incident = (await ws.CreateAsync(alpha.Lead, Input(json, "America/Los_Angeles"))).Value!;
        var people = (await ws.ObligationsAsync(alpha.Lead, incident.Id, false)).Value!.Single(o => o.RuleId == "us-ca-individuals");
        var agBefore = (await ws.ObligationsAsync(alpha.Lead, incident.Id, false)).Value!.Single(o => o.Recipient == Recipient.Regulator && o.Jurisdiction == "US-CA");

        // People told on 1 March (PST); the AG's sample copy is then due 15 days later, not 15 days after the 30-day limit.
        Assert.True((await ws.FulfilAsync(alpha.Lead, people.Id, Instant.FromUtc(2026, 3, 1, 18, 0), "letters mailed", null)).IsOk);
        var agAfter = (await ws.ObligationsAsync(alpha.Lead, incident.Id, false)).Value!.Single(o => o.Recipient == Recipient.Regulator && o.Jurisdiction == "US-CA");
        Assert.True(agAfter.Deadline < agBefore.Deadline);
        Assert.Equal(Instant.FromUtc(2026, 3, 17, 6, 59, 59), agAfter.Deadline); // 16 March 23:59:59 PDT (after the 8 March clock change)
    }
}
