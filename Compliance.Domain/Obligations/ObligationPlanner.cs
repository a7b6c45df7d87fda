using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>
/// Re-runs the rules for an incident and brings its stored duties in line, inside the caller's unit of work.
/// A duty whose deadline or terms changed is superseded and replaced, never edited; a duty that no longer
/// applies is superseded; a duty already filed or decided keeps its record. Every change is audited.
/// </summary>
public sealed class ObligationPlanner(ComplianceDbContext db, RulesEngine engine, AuditLog audit, IClock clock)
{
    public sealed record Plan(int Added, int Superseded, int Unchanged);

    public async Task<Plan> ReplanAsync(Incident incident, Organisation organisation, string actor, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var current = await db.Obligations
            .Where(o => o.IncidentId == incident.Id && o.Status != ObligationStatus.Superseded)
            .ToListAsync(ct);
        current.AddRange(db.Obligations.Local.Where(o => o.IncidentId == incident.Id && o.Status != ObligationStatus.Superseded
                                                          && db.Entry(o).State == EntityState.Added && !current.Contains(o)));
        var assessed = engine.Assess(IncidentFactsFactory.From(incident, organisation, current));

        int added = 0, superseded = 0, unchanged = 0;
        var matched = new HashSet<Obligation>(ReferenceEqualityComparer.Instance);
        foreach (var duty in assessed)
        {
            var existing = current.FirstOrDefault(o => !matched.Contains(o) && SameDuty(o, duty));
            if (existing is not null)
            {
                matched.Add(existing);
                if (existing.Status != ObligationStatus.Open || SameTerms(existing, duty)) { unchanged++; continue; }
                existing.Supersede(now);
                superseded++;
                await audit.AppendAsync(incident.OrganisationId, incident.Id, actor, "obligation.superseded",
                    new { existing.Id, existing.RuleId, existing.Jurisdiction, before = existing.Deadline?.ToString(), after = duty.Deadline?.ToString(),
                          versionBefore = existing.RuleVersion, versionAfter = duty.RuleVersion }, ct);
            }
            var obligation = ToObligation(incident, duty, now);
            db.Obligations.Add(obligation);
            added++;
            await audit.AppendAsync(incident.OrganisationId, incident.Id, actor, "obligation.added",
                new { obligation.Id, obligation.RuleId, obligation.Jurisdiction, recipient = obligation.Recipient.ToString(), deadline = obligation.Deadline?.ToString() }, ct);
        }
        foreach (var stale in current.Where(o => !matched.Contains(o) && o.Status == ObligationStatus.Open))
        {
            stale.Supersede(now);
            superseded++;
            await audit.AppendAsync(incident.OrganisationId, incident.Id, actor, "obligation.withdrawn",
                new { stale.Id, stale.RuleId, stale.Jurisdiction, why = "the facts no longer trigger this duty" }, ct);
        }
        return new Plan(added, superseded, unchanged);
    }

    private static bool SameDuty(Obligation o, AssessedObligation a) =>
        o.RuleId == a.RuleId && o.Jurisdiction == a.Jurisdiction && o.Recipient == a.Recipient && o.Stage == a.Stage && o.Authority == a.Authority;

    private static bool SameTerms(Obligation o, AssessedObligation a) =>
        o.Deadline == StoredPrecision.Of(a.Deadline) && o.LatestDeadline == StoredPrecision.Of(a.LatestDeadline) && o.Target == StoredPrecision.Of(a.Target)
        && o.Mandatory == a.Mandatory && o.RuleVersion == a.RuleVersion && o.Reason == a.Reason
        && o.TimeZone == a.TimeZone.Id && o.Verification == a.Verification.ToString() && o.Sources.SequenceEqual(a.Sources)
        && o.Terms == DutyTerms.Of(a)?.ToJson();

    private static Obligation ToObligation(Incident incident, AssessedObligation a, Instant now) =>
        new Obligation(Guid.NewGuid(), incident.OrganisationId, incident.Id, a.Jurisdiction, a.Recipient, a.Authority, a.Stage, a.Mandatory,
            StoredPrecision.Of(a.Deadline), StoredPrecision.Of(a.LatestDeadline), StoredPrecision.Of(a.Target), a.TimeZone.Id, a.RuleId, a.RuleVersion, a.Reason,
            a.Sources, a.Verification.ToString(), now).WithTerms(DutyTerms.Of(a));
}
