using Compliance.Domain.Obligations;
using Compliance.Domain.Rules.Assessment;
using NodaTime;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;

namespace Compliance.Jobs.Filings;

/// <summary>Finds the regulator duty for a jurisdiction in the rule catalogue, and the engine's view of it for the facts.</summary>
public static class RegulatorDutyFinder
{
    public const string Field = "--jurisdiction";

    /// <summary>
    /// An incident's filing: the terms its stored regulator duty kept when it was computed (rule, version, authority,
    /// zone, content, deadline), whatever the catalogue says today. A row stored before snapshots falls back to the catalogue.
    /// </summary>
    public static RegulatorDuty FromStored(Obligation stored, IncidentFacts facts, RulesEngine engine)
    {
        if (stored.TermsSnapshot is not { } terms) return Find(stored.Jurisdiction, facts, engine);
        var code = JurisdictionCode.Parse(stored.Jurisdiction);
        var zone = DateTimeZoneProviders.Tzdb[stored.TimeZone];
        // The people in this duty's scope: those whose jurisdiction routes to the same place under the duty's regime.
        var regime = engine.Catalogue.RegimesWithDuty(stored.RuleId).FirstOrDefault();
        var here = regime is null ? 0 : facts.Affected
            .Where(a => engine.Catalogue.RegimesFor(a.Jurisdiction).Contains(regime) && regime.AuthorityFor(a.Jurisdiction)?.ScopeFor(a.Jurisdiction) == stored.Jurisdiction)
            .Sum(a => a.Count);
        return new RegulatorDuty(code, stored.RuleId, terms.Regime, stored.RuleVersion, Enum.Parse<Verification>(stored.Verification), terms.Content, zone,
            stored.Authority, new DutyDeadline(stored.Mandatory, stored.Deadline, stored.LatestDeadline), here, facts.Affected.Sum(a => a.Count));
    }

    public static RegulatorDuty Find(string jurisdiction, IncidentFacts facts, RulesEngine engine)
    {
        if (!JurisdictionCode.TryParse(jurisdiction, out var parsed))
            throw new FilingInputException(Field, $"'{jurisdiction}' is not an ISO 3166 code such as 'IE', 'HK' or 'US-TX'.");
        var code = parsed.Value;
        var regimes = engine.Catalogue.RegimesFor(code);
        if (regimes.Length == 0)
            throw new FilingInputException(Field, $"the rule catalogue has no rules for '{code}'.");

        foreach (var regime in regimes)
        {
            if (regime.AuthorityFor(code) is not { } authority || regime.Versions.Count == 0) continue;
            var version = regime.VersionInForce(facts, authority.Zone) ?? regime.Versions[0];
            // The main authority first: a duty with its own authority (New York's Department of State) is a second recipient.
            var duty = version.Duties.Where(d => d.Recipient == Recipient.Regulator).OrderBy(d => d.Authority is null ? 0 : 1).FirstOrDefault();
            if (duty is null) continue;

            var scope = authority.ScopeFor(code);
            var obligation = engine.Assess(facts).FirstOrDefault(o => o.RuleId == duty.Id && o.Jurisdiction == scope && o.Recipient == Recipient.Regulator);
            var here = facts.Affected
                .Where(a => engine.Catalogue.RegimesFor(a.Jurisdiction).Contains(regime) && regime.AuthorityFor(a.Jurisdiction)?.Key == authority.Key)
                .Sum(a => a.Count);
            return new RegulatorDuty(code, duty.Id, regime.Name, version.Version, duty.Verification, duty.Content, authority.Zone, duty.Authority ?? authority.Name,
                obligation is null ? null : new DutyDeadline(obligation.Mandatory, obligation.Deadline, obligation.LatestDeadline), here, facts.Affected.Sum(a => a.Count));
        }

        var why = regimes.Select(r => r.NoStatutoryDuty).FirstOrDefault(s => s is not null);
        throw new FilingInputException(Field, $"the rule catalogue has no duty to notify a regulator in '{code}'{(why is null ? "." : $": {why}")}");
    }
}
