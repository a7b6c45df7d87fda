using System.Text.Json;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Notices;
using Compliance.Web.Pages.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.People;

/// <summary>
/// An incident's notice as a campaign freezes it: the draft's parts, plus the organisation's name, the data categories
/// and the count. The preview reads it the same way, so what one person is shown is what the campaign would send.
/// </summary>
internal static class FrozenNotice
{
    public static async Task<IReadOnlyDictionary<string, string>?> DraftAsync(ComplianceDbContext db, Guid incidentId, CancellationToken ct) =>
        await db.NoticeDrafts.Where(d => d.IncidentId == incidentId).Select(d => d.Fields).SingleOrDefaultAsync(ct) is { } fields
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(fields)!
            : null;

    public static string Freeze(IReadOnlyDictionary<string, string> draft, Incident incident, Organisation organisation) =>
        NoticeFields.Freeze(draft, organisation.Name, string.Join(", ", incident.DataCategories.Select(Labels.Of)), incident.TotalAffected);
}
