using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
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
        string? ReminderPolicy = null, bool? RequirePhishingResistant = null);

    public async Task<Outcome<Organisation>> HandleAsync(Actor actor, Request changes, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<Organisation>.Forbidden();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(changes.Name)) errors["name"] = ["Give the organisation's name (up to 200 characters)."];
        else if (PlainText.Problem(changes.Name.Trim(), PlainText.Line) is { } badName) errors["name"] = [badName];
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(changes.TimeZone) is null) errors["timeZone"] = [$"'{changes.TimeZone}' is not an IANA time zone such as 'Europe/Dublin'."];
        var establishments = new List<JurisdictionCode>();
        foreach (var (code, n) in changes.Establishments.Select((c, n) => (c, n)))
        {
            if (JurisdictionCode.TryParse(code, out var parsed)) establishments.Add(parsed.Value);
            else errors[$"establishments[{n}]"] = [$"'{code}' is not an ISO 3166 code such as 'IE' or 'US-TX'."];
        }
        foreach (var (attribute, n) in changes.Attributes.Select((a, n) => (a, n)))
            if (!OrganisationAttributes.IsWellFormed(attribute)) errors[$"attributes[{n}]"] = [$"'{attribute}' is not a kebab-case attribute."];
        if (changes.ReminderPolicy is { } policy && Reminders.ReminderPolicy.Parse(policy) is null)
            errors["reminderPolicy"] = [$"'{policy}' is not a reminder policy: use 'half' and hours or minutes before the deadline, e.g. 'half,24h,4h,1h,0h'."];
        if (errors.Count > 0) return Outcome<Organisation>.Invalid(errors);

        db.OrganisationScope = actor.OrganisationId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
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
        await db.SaveChangesAsync(ct);
        await new Reminders.ReminderPlanner(db, clock).SyncAsync(org.Id, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Organisation>.Ok(org);
    }
}
