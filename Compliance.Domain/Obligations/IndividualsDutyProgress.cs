using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>
/// Where each duty to tell people stands: of the people of its jurisdiction, who is notified (an email the server took,
/// or a manual contact that reached them or their trusted person), who is pending (emailable, not sent yet) and who is
/// unreachable (flagged for manual contact, or their email failed or was withheld, and no successful contact yet).
/// The counts are written on the duty, audited when they change; when everyone is notified the duty is fulfilled, once,
/// at the moment the last of them was told. Running it again with nothing new changes nothing.
/// </summary>
public sealed class IndividualsDutyProgress(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    public sealed record Counts(int Total, int ByEmail, int ByContact, int Pending, int Unreachable, Instant? LastNotifiedAt)
    {
        public int Notified => ByEmail + ByContact;
        public bool Complete => Total > 0 && Notified == Total;
    }

    public sealed record Progress(Obligation Duty, Counts Counts, bool Changed, bool Fulfilled);

    private sealed record PersonRow(Guid Id, string Jurisdiction, bool Manual);

    /// <summary>
    /// Counts the incident's current duties to tell people that cover any of <paramref name="jurisdictions"/> (every one
    /// when null), records the counts and fulfils the complete ones, in one save. <paramref name="source"/> says what
    /// prompted it (a campaign, a contact) for the audit log; <paramref name="evidence"/> gives the proof to attach to a
    /// duty it fulfils, if any.
    /// </summary>
    public async Task<IReadOnlyList<Progress>> RefreshAsync(Guid incidentId, IReadOnlyCollection<string>? jurisdictions, string actor, string source,
        Func<Obligation, Guid?>? evidence = null, CancellationToken ct = default)
    {
        var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == incidentId, ct);
        var duties = (await db.Obligations.Where(o => o.IncidentId == incidentId && o.Recipient == Recipient.Individuals && o.Status != ObligationStatus.Superseded)
                .ToListAsync(ct))
            .Where(d => jurisdictions is null || jurisdictions.Any(j => Covers(d.Jurisdiction, j))).ToList();
        if (duties.Count == 0) return [];

        var people = await db.AffectedPeople.AsNoTracking().Where(p => p.IncidentId == incidentId)
            .Select(p => new PersonRow(p.Id, p.Jurisdiction, p.DoNotEmail || p.ProtectedDelegate != null || p.EmailLookup == null)).ToListAsync(ct);
        var mail = (await (from r in db.CampaignRecipients
                           join c in db.Campaigns on r.CampaignId equals c.Id
                           where c.IncidentId == incidentId
                           select new { r.PersonId, r.State, r.SentAt }).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var contacted = (await db.PersonContacts.AsNoTracking()
                .Where(c => c.IncidentId == incidentId && (c.Outcome == ContactOutcome.Reached || c.Outcome == ContactOutcome.DelegateInformed))
                .Select(c => new { c.PersonId, c.ContactedAt }).ToListAsync(ct))
            .GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Min(c => c.ContactedAt));

        var now = clock.GetCurrentInstant();
        var audit = new AuditLog(db, clock);
        var results = new List<Progress>();
        foreach (var duty in duties)
        {
            int total = 0, byEmail = 0, byContact = 0, pending = 0, unreachable = 0;
            Instant? last = null;
            foreach (var person in people.Where(p => Covers(duty.Jurisdiction, p.Jurisdiction)))
            {
                total++;
                var rows = mail[person.Id].ToList();
                var sentAt = rows.Where(r => r.State == RecipientState.Sent).Min(r => r.SentAt);
                var sent = rows.Any(r => r.State == RecipientState.Sent);
                Instant? contactAt = contacted.TryGetValue(person.Id, out var at) ? at : null;
                if (sent || contactAt is not null)
                {
                    if (sent) byEmail++; else byContact++;
                    var told = new[] { sentAt, contactAt }.Where(x => x is not null).Min();
                    if (told is { } t && (last is null || t > last)) last = t;
                }
                else if (rows.Any(r => r.State is RecipientState.Queued or RecipientState.Sending or RecipientState.RetryLater)) pending++;
                else if (person.Manual || rows.Any(r => r.State is RecipientState.Failed or RecipientState.Withheld)) unreachable++;
                else pending++;
            }
            if (total == 0) continue;
            var counts = new Counts(total, byEmail, byContact, pending, unreachable, last);
            var changed = duty.CountPeople(counts.Notified, pending, unreachable, now);
            if (changed)
                await audit.AppendAsync(duty.OrganisationId, incidentId, actor, "obligation.people-counted",
                    new { duty.Id, duty.RuleId, duty.Jurisdiction, notified = counts.Notified, byEmail, byContact, pending, unreachable, total, source }, ct);
            var fulfilled = false;
            if (counts.Complete && duty.Status == ObligationStatus.Open)
            {
                var reference = Shorten($"All {total:N0} people notified: {byEmail:N0} by email, {byContact:N0} by manual contact ({source})", 256);
                // The proof: what the caller brings, else the latest kept with the duty (a campaign's proof attached when it finished).
                var proof = evidence?.Invoke(duty) ?? await db.EvidenceFiles.Where(e => e.ObligationId == duty.Id)
                    .OrderByDescending(e => e.UploadedAt).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
                duty.RecordFiling(last ?? now, actor, reference, proof);
                await audit.AppendAsync(duty.OrganisationId, incidentId, actor, "obligation.fulfilled",
                    new { duty.Id, duty.RuleId, duty.Jurisdiction, filedAt = duty.FiledAt?.ToString(), reference, late = duty.WasLate, evidence = proof, source }, ct);
                fulfilled = true;
            }
            results.Add(new Progress(duty, counts, changed, fulfilled));
        }

        if (results.Any(r => r.Fulfilled))
        {
            // Duties that count from telling people (an attorney general's copy) now count from the real date.
            var organisation = await db.Organisations.SingleAsync(o => o.Id == incident.OrganisationId, ct);
            await new ObligationPlanner(db, engine, audit, clock).ReplanAsync(incident, organisation, actor, ct);
        }
        await db.SaveChangesAsync(ct);
        if (results.Any(r => r.Fulfilled))
        {
            await new ReminderPlanner(db, clock).SyncAsync(incident.OrganisationId, incidentId, ct);
            await db.SaveChangesAsync(ct);
        }
        return results;
    }

    /// <summary>A duty routed to a country covers the people of its subdivisions too (AU covers AU-NSW).</summary>
    public static bool Covers(string dutyJurisdiction, string personJurisdiction) =>
        dutyJurisdiction == personJurisdiction || personJurisdiction.StartsWith(dutyJurisdiction + "-", StringComparison.Ordinal);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
