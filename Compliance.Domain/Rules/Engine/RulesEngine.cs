using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// Catalogue × facts → duties. Pure and deterministic: the same facts give the same duties, in the same order.
/// </summary>
public sealed class RulesEngine(RuleCatalogue catalogue)
{
    public static RulesEngine Default { get; } = new(RuleCatalogue.Default);

    public RuleCatalogue Catalogue => catalogue;

    [ThreadStatic] private static AssessmentScratch? scratch;

    public IncidentAssessment Assess(IncidentFacts facts)
    {
        var s = scratch ??= new AssessmentScratch();
        var results = s.Results;
        var considered = s.Considered;
        results.Clear();
        considered.Clear();
        // The categories as bits once per assessment, not once per scope.
        var categories = CategoryBits.Of(facts.DataCategories);
        // One table of this scope's computed deadlines, cleared per scope.
        var computed = s.Computed;
        var routed = RegimeRouter.Route(catalogue, facts, s);
        for (var r = 0; r < routed; r++)
        {
            var regime = s.Routed[r];
            var scopes = s.Scopes[r];
            var gateMet = regime.Gate is null || regime.Gate(new RuleInput(facts, Total(scopes), categories));
            var first = true;
            for (var n = 0; n < scopes.Count; n++)
            {
                var scope = scopes[n];
                var version = regime.Versions.Count == 0 ? null : regime.VersionInForce(facts, scope.Authority.Zone);
                considered.Add(Consider(regime, scope, version, facts, gateMet));
                if (version is null || !gateMet) continue;
                if (computed.Count > 0) computed.Clear();
                DutyBuilder.AddFor(regime, version, scope, facts, categories, first, results, computed);
                first = false;
            }
        }
        AssessmentOrder.Sort(results);
        // The caller keeps exact-size copies; the working lists let go of what they held.
        var assessment = new IncidentAssessment([.. results], [.. considered], facts);
        results.Clear();
        considered.Clear();
        computed.Clear();
        s.Routed.Clear();
        return assessment;
    }

    /// <summary>Whether this law binds at the clock start at all, and if not yet, from when.</summary>
    private static RegimeConsidered Consider(Regime regime, AuthorityScope scope, RegimeVersion? version, IncidentFacts facts, bool gateMet)
    {
        if (version is not null)
        {
            var operativeFrom = version.Status == RegimeStatus.NotYetOperative ? regime.NextOperativeVersion(facts, scope.Authority.Zone)?.EffectiveFrom : null;
            var note = version.Status is RegimeStatus.NotYetOperative or RegimeStatus.NoStatutoryDuty ? version.Note ?? regime.NoStatutoryDuty : null;
            return new(scope.Jurisdiction, regime.Id, version.Status, version.Version, operativeFrom, gateMet, note)
                { Regime = regime, Version = version, AffectedInScope = scope.Count };
        }
        if (regime.Versions.Count > 0 && regime.NextOperativeVersion(facts, scope.Authority.Zone) is { } next)
            return new(scope.Jurisdiction, regime.Id, RegimeStatus.NotYetOperative, null, next.EffectiveFrom, gateMet, null)
                { Regime = regime, AffectedInScope = scope.Count };
        return new(scope.Jurisdiction, regime.Id, RegimeStatus.NoStatutoryDuty, null, null, gateMet, regime.NoStatutoryDuty)
            { Regime = regime, AffectedInScope = scope.Count };
    }

    private static int Total(List<AuthorityScope> scopes)
    {
        var total = 0;
        for (var i = 0; i < scopes.Count; i++) total += scopes[i].Count;
        return total;
    }
}
