using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// An incident's notice as a campaign freezes it: the draft's parts in each language, plus the organisation's name,
/// the data categories in every notice language, and the count. The preview reads it the same way, so what one person
/// is shown is what the campaign would send.
/// </summary>
internal static class FrozenNotice
{
    public static async Task<Dictionary<string, Dictionary<string, string>>?> DraftAsync(ComplianceDbContext db, Guid incidentId, CancellationToken ct) =>
        await db.NoticeDrafts.Where(d => d.IncidentId == incidentId).Select(d => d.Fields).SingleOrDefaultAsync(ct) is { } fields
            ? NoticeTexts.Read(fields)
            : null;

    public static string Freeze(IReadOnlyDictionary<string, Dictionary<string, string>> texts, Incident incident, Organisation organisation) =>
        NoticeFields.Freeze(texts, organisation.Name, incident.DataCategories, incident.TotalAffected);
}
