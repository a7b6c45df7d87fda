using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// Working tables reused by every assessment on one thread: the routing table, each routed regime's scopes, the
/// computed deadlines and the lists the results are gathered in (a list per regime and lists grown from empty were
/// most of what an assessment allocated besides its duties). Per thread, so the shared engine stays thread-safe.
/// </summary>
internal sealed class AssessmentScratch
{
    public int[] At = [];
    public readonly List<Regime> Routed = [];
    public readonly List<List<AuthorityScope>> Scopes = [];
    public readonly List<AssessedObligation> Results = [];
    public readonly List<RegimeConsidered> Considered = [];
    public readonly Dictionary<string, DeadlineCalculator.Result> Computed = new(StringComparer.Ordinal);
}
