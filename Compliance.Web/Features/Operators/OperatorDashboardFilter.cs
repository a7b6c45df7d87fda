using Hangfire.Dashboard;

namespace Compliance.Web.Features.Operators;

/// <summary>Hangfire's own check, behind <see cref="OperatorGate"/>: a request that did not pass the gate is refused.</summary>
public sealed class OperatorDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().Items.TryGetValue(OperatorGate.Passed, out var passed) && passed is true;
}
