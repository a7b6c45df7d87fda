using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.People;

/// <summary>Sets the incident's affected counts per jurisdiction from its list of people (audited and re-planned like any edit of the facts).</summary>
public sealed class UpdateCountsFromList(ComplianceDbContext db, IncidentAccess workspace, UpdateIncident update)
{
    public async Task<Outcome<Incident>> HandleAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var access = await workspace.PeopleAccessAsync(actor, incidentId, ct);
        if (!access.IsOk) return access;
        var incident = access.Value!;
        var counts = await db.AffectedPeople.Where(p => p.IncidentId == incidentId).GroupBy(p => p.Jurisdiction)
            .Select(g => new { Jurisdiction = g.Key, Count = g.Count() }).ToListAsync(ct);
        var json = IncidentInput.ToJson(incident);
        json["affected"] = new JsonArray(counts.OrderBy(c => c.Jurisdiction, StringComparer.Ordinal)
            .Select(c => (JsonNode)new JsonObject { ["jurisdiction"] = c.Jurisdiction, ["count"] = c.Count }).ToArray());
        var (input, errors) = IncidentInput.Parse(JsonSerializer.SerializeToElement(json), incident.ClockZone);
        return input is null ? Outcome<Incident>.Invalid(errors) : await update.HandleAsync(actor, new UpdateIncidentRequest(incidentId, input, null), ct);
    }
}
