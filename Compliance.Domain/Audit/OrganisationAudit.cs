using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Audit;

/// <summary>
/// An organisation's whole audit log, newest first, filtered by person, kind and date. Reads (views and exports) are
/// left out unless asked for, and counted, so that the changes stand out. Lines about an incident name its reference.
/// </summary>
public sealed class OrganisationAudit(ComplianceDbContext db)
{
    // IncidentId: only the lines about this incident. BeforeSequence: only lines older than this one (the API's next page, newest first).
    public sealed record Filter(string? Actor, string? Group, Instant? From, Instant? Until, bool IncludeReads, Guid? IncidentId = null, long? BeforeSequence = null);

    public sealed record Result(IReadOnlyList<AuditEntry> Entries, int ReadsLeftOut, IReadOnlyList<string> Actors, bool More)
    {
        public IReadOnlyDictionary<Guid, string> IncidentReferences { get; init; } = new Dictionary<Guid, string>();
    }

    public async Task<Result> ReadAsync(Guid organisationId, Filter filter, int limit, CancellationToken ct = default)
    {
        var log = db.AuditEntries.AsNoTracking().IgnoreQueryFilters().Where(e => e.OrganisationId == organisationId);
        var actors = await log.Select(e => e.Actor).Distinct().OrderBy(a => a).ToListAsync(ct);
        if (filter.Actor is { Length: > 0 } actor) log = log.Where(e => e.Actor == actor);
        if (filter.Group is { Length: > 0 } group)
        {
            var actions = AuditActions.ActionsIn(group).ToList();
            log = log.Where(e => actions.Contains(e.Action));
        }
        if (filter.From is { } from) log = log.Where(e => e.At >= from);
        if (filter.Until is { } until) log = log.Where(e => e.At < until);
        if (filter.IncidentId is { } incident) log = log.Where(e => e.IncidentId == incident);
        var reads = AuditActions.Reads.ToList();
        var readsLeftOut = 0;
        if (!filter.IncludeReads)
        {
            readsLeftOut = await log.CountAsync(e => reads.Contains(e.Action), ct);
            log = log.Where(e => !reads.Contains(e.Action));
        }
        if (filter.BeforeSequence is { } before) log = log.Where(e => e.Sequence < before);
        var entries = await log.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var shown = entries.Take(limit).ToList();
        var ids = shown.Where(e => e.IncidentId is not null).Select(e => e.IncidentId!.Value).Distinct().ToList();
        var references = await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, ct);
        return new Result(shown, readsLeftOut, actors, entries.Count > limit) { IncidentReferences = references };
    }
}
