using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>One incident of the list, with its open duties (soonest first) and the next deadline among them.</summary>
public sealed record IncidentOverviewRow(Incident Incident, IReadOnlyList<Obligation> OpenDuties)
{
    public Obligation? Next => OpenDuties.Where(o => o.Deadline is not null).MinBy(o => o.Deadline);
}

/// <summary>The incident list of the page and the API: the incidents the actor may see, newest awareness first, with their open duties.</summary>
public sealed class IncidentOverview(ComplianceDbContext db, IClock clock)
{
    public Task<Outcome<IReadOnlyList<IncidentOverviewRow>>> ReadAsync(Actor actor, CancellationToken ct = default) =>
        ReadAsync(actor, () => new OpenDuties(db, clock).ReadAsync(actor, ct), ct);

    /// <param name="openDuties">
    /// The open duties the actor may see, asked for once the incidents are listed (the web app takes them from the
    /// organisation's dashboard snapshot, read once per change of the organisation, instead of reading them again).
    /// </param>
    public async Task<Outcome<IReadOnlyList<IncidentOverviewRow>>> ReadAsync(Actor actor,
        Func<Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>>> openDuties, CancellationToken ct = default)
    {
        var listed = await new IncidentAccess(db, clock).ListAsync(actor, ct);
        if (!listed.IsOk) return listed.Refusal<IReadOnlyList<IncidentOverviewRow>>();
        var open = (await openDuties()).ToLookup(d => d.Incident.Id, d => d.Obligation);
        return Outcome<IReadOnlyList<IncidentOverviewRow>>.Ok(listed.Value!.Select(i => new IncidentOverviewRow(i, open[i.Id].ToList())).ToList());
    }
}
