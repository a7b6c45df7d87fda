using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>What every reminder reads besides its subject: the incident, the organisation, the reader's role and zone.</summary>
internal static class ReminderReader
{
    public static async Task<(Incident Incident, Organisation Org, Role Role, DateTimeZone Zone)> ReadAsync(ComplianceDbContext db, Reminder reminder, User user,
        CancellationToken ct)
    {
        var incident = await db.Incidents.IgnoreQueryFilters().SingleAsync(i => i.Id == reminder.IncidentId, ct);
        var org = await db.Organisations.SingleAsync(o => o.Id == reminder.OrganisationId, ct);
        var role = await db.Members.Where(m => m.UserId == user.Id && m.OrganisationId == org.Id).Select(m => m.Role).FirstOrDefaultAsync(ct);
        return (incident, org, role, DateTimeZoneProviders.Tzdb.GetZoneOrNull(user.TimeZone ?? org.TimeZone) ?? DateTimeZone.Utc);
    }
}
