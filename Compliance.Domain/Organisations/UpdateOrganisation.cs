using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// Changes an organisation's own facts (admins only). Establishments and attributes decide which laws apply, so
/// changing them re-plans the duties of every incident that is not closed and their reminders, in one transaction
/// with the audit line.
/// </summary>
public sealed class UpdateOrganisation(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    public sealed record Request(string Name, string TimeZone, IReadOnlyList<string> Establishments, IReadOnlyList<string> Attributes, bool RequireTwoFactor,
        string? ReminderPolicy = null, bool? RequirePhishingResistant = null, int? ExpectedVersion = null);

    public async Task<Outcome<Organisation>> HandleAsync(Actor actor, Request changes, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<Organisation>.Forbidden();
        var errors = OrganisationFacts.Problems(changes.Name, changes.TimeZone, changes.Establishments, changes.Attributes, out var establishments);
        if (changes.ReminderPolicy is { } policy && Reminders.ReminderPolicy.Parse(policy) is null)
            errors["reminderPolicy"] = [$"'{policy}' is not a reminder policy: use 'half' and hours or minutes before the deadline, e.g. 'half,24h,4h,1h,0h'."];
        if (errors.Count > 0) return Outcome<Organisation>.Invalid(errors);

        db.OrganisationScope = actor.OrganisationId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == actor.OrganisationId, ct);
        if (org is null) return Outcome<Organisation>.NotFound();
        if (changes.ExpectedVersion is { } expected && expected != org.Version) return OrganisationVersion.Stale<Organisation>(expected);
        org.MarkChanged();
        var before = new { org.Name, org.TimeZone, establishments = org.Establishments.ToList(), attributes = org.Attributes.ToList(), org.RequireTwoFactor, org.RequirePhishingResistant, org.ReminderPolicy };
        org.Update(changes.Name.Trim(), changes.TimeZone, establishments, changes.Attributes);
        org.RequireTwoFactor = changes.RequireTwoFactor;
        if (changes.RequirePhishingResistant is { } keys) org.RequirePhishingResistant = keys;
        if (changes.ReminderPolicy is { } newPolicy) org.ReminderPolicy = newPolicy.Replace(" ", "");
        var audit = new AuditLog(db, clock);
        await audit.AppendAsync(org.Id, null, actor.Email, "organisation.updated",
            new { before, after = new { org.Name, org.TimeZone, establishments = org.Establishments, attributes = org.Attributes, org.RequireTwoFactor, org.RequirePhishingResistant, org.ReminderPolicy } }, ct);

        var planner = new ObligationPlanner(db, engine, audit, clock);
        foreach (var incident in await db.Incidents.Include(i => i.Affected).Where(i => i.Status != IncidentStatus.Closed).ToListAsync(ct))
            await planner.ReplanAsync(incident, org, actor.Email, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OrganisationVersion.Stale<Organisation>(changes.ExpectedVersion ?? org.Version - 1);
        }
        await new Reminders.ReminderPlanner(db, clock).SyncAsync(org.Id, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Organisation>.Ok(org);
    }
}
