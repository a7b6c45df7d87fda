using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Incidents;

/// <summary>
/// The incident list of the page and the API (<see cref="IncidentOverview"/>), with the open duties taken from the
/// organisation's dashboard snapshot: the same duties, read once per change of the organisation instead of on every
/// request (an integration polling the list read every open duty of the organisation each time).
/// </summary>
public sealed class IncidentListQuery(IncidentOverview overview, Dashboard.DashboardQuery dashboard)
{
    public Task<Outcome<IReadOnlyList<IncidentOverviewRow>>> ReadAsync(Actor actor, CancellationToken ct) =>
        overview.ReadAsync(actor, () => dashboard.OpenDutiesAsync(actor, ct), ct);
}
