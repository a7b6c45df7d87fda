using Compliance.Domain.Workspace;

namespace Compliance.Domain.Organisations;

/// <summary>The words of a stale edit of the organisation's settings or task templates.</summary>
public static class OrganisationVersion
{
    public static Outcome<T> Stale<T>(int edited) =>
        Outcome<T>.Conflict($"Another admin changed the organisation's settings (you edited version {edited}); reload them and apply your change again.");
}
