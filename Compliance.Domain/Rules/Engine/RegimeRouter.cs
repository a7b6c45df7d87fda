using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// Which regimes apply and to whom. An organisation established in a regime's territory answers to its
/// establishment's authority for the whole incident (GDPR one-stop shop); otherwise each authority where
/// affected people live gets the people in its area, and only those.
/// </summary>
internal static class RegimeRouter
{
    /// <returns>How many regimes were routed: <c>s.Routed[i]</c> with its scopes in <c>s.Scopes[i]</c>.</returns>
    public static int Route(RuleCatalogue catalogue, IncidentFacts facts, AssessmentScratch s)
    {
        var affectedList = facts.Affected;
        var total = 0;
        for (var n = 0; n < affectedList.Count; n++) total += affectedList[n].Count;

        var routed = s.Routed;
        routed.Clear();
        // Where each regime stands in "routed" (+1; 0 = not yet), negative when it came in by establishment: an array by
        // the regime's ordinal, not a dictionary, which grew and rehashed several times per assessment.
        var regimeCount = catalogue.Regimes.Count;
        if (s.At.Length < regimeCount) s.At = new int[regimeCount];
        var at = s.At;
        Array.Clear(at, 0, regimeCount);

        List<AuthorityScope> Add(Regime regime)
        {
            routed.Add(regime);
            if (s.Scopes.Count < routed.Count) s.Scopes.Add(new List<AuthorityScope>(1));
            var scopes = s.Scopes[routed.Count - 1];
            scopes.Clear();
            return scopes;
        }

        var establishments = facts.Organisation.Establishments;
        for (var e = 0; e < establishments.Count; e++)
        {
            var establishment = establishments[e];
            foreach (var regime in catalogue.RegimesFor(establishment))
            {
                if (!regime.AppliesByEstablishment || at[regime.Ordinal] != 0) continue;
                if (regime.AuthorityFor(establishment) is not { } authority) continue;
                Add(regime).Add(new AuthorityScope(authority.ScopeFor(establishment), authority, total));
                at[regime.Ordinal] = -routed.Count;
            }
        }

        for (var n = 0; n < affectedList.Count; n++)
        {
            var affected = affectedList[n];
            if (affected.Count <= 0) continue;
            foreach (var regime in catalogue.RegimesFor(affected.Jurisdiction))
            {
                if (at[regime.Ordinal] < 0) continue;
                if (regime.AuthorityFor(affected.Jurisdiction) is not { } authority) continue;
                List<AuthorityScope> scopes;
                if (at[regime.Ordinal] == 0)
                {
                    scopes = Add(regime);
                    at[regime.Ordinal] = routed.Count;
                }
                else scopes = s.Scopes[at[regime.Ordinal] - 1];
                var key = authority.ScopeFor(affected.Jurisdiction);
                var i = 0;
                while (i < scopes.Count && scopes[i].Jurisdiction != key) i++;
                if (i == scopes.Count) scopes.Add(new AuthorityScope(key, authority, affected.Count));
                else scopes[i] = scopes[i] with { Count = scopes[i].Count + affected.Count };
            }
        }
        return routed.Count;
    }
}
