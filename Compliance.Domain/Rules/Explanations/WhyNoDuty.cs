using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Explanations;

/// <summary>
/// For every regime routed to an affected jurisdiction: did it give a mandatory duty, and if not, which gate kept it away,
/// in plain words, with the facts a person could change. Built from an assessment already made (its routed regimes and
/// duties) and the compiled conditions: the conditions that held are not looked at again.
/// </summary>
public static class WhyNoDuty
{
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("d MMMM uuuu");

    public static IReadOnlyList<ConsideredRule> Explain(IncidentAssessment assessment)
    {
        var facts = assessment.Facts ?? throw new InvalidOperationException("The assessment does not carry its facts.");
        var categories = CategoryBits.Of(facts.DataCategories);
        // The duties by regime and jurisdiction once, not a scan of every duty per regime.
        var byRegime = new Dictionary<(Regime, string), List<AssessedObligation>>();
        foreach (var o in assessment)
        {
            if (o.Rule?.Regime is not { } owner) continue;
            if (!byRegime.TryGetValue((owner, o.Jurisdiction), out var those)) byRegime[(owner, o.Jurisdiction)] = those = [];
            those.Add(o);
        }
        var list = new List<ConsideredRule>(assessment.Regimes.Count);
        foreach (var considered in assessment.Regimes)
            if (considered.Regime is { } regime)
                list.Add(Explain(considered, regime, byRegime.GetValueOrDefault((regime, considered.Jurisdiction)) ?? [], facts, categories));
        return list;
    }

    private static ConsideredRule Explain(RegimeConsidered r, Regime regime, List<AssessedObligation> given, IncidentFacts facts, ulong categories)
    {
        var dutyIds = given.Select(o => o.RuleId).Distinct(StringComparer.Ordinal).ToArray();
        var version = r.Version;
        var input = new RuleInput(facts, r.AffectedInScope, categories);
        var routedAuthority = regime.AuthorityFor(JurisdictionCode.Parse(r.Jurisdiction));
        ConsideredRule Result(bool applied, ReasonKind kind, string reason, IEnumerable<GateFinding> findings, bool counsel)
        {
            var all = findings.ToList();
            var hints = all.Select(f => f.Hint).OfType<string>().Where(h => h.Length > 0).Distinct().ToList();
            if (hints.Count > 0) reason += " " + string.Join(" ", hints);
            return new(r.Jurisdiction, regime.Id, regime.Name, applied, kind, reason,
                all.SelectMany(f => f.Facts).Distinct(StringComparer.Ordinal).ToArray(), dutyIds, counsel);
        }

        if (r.Status == RegimeStatus.NotYetOperative && given.Count == 0)
        {
            var anchor = (version ?? regime.Versions[^1]).ClockStart;
            var started = facts.Anchor(anchor).InZone(routedAuthority?.Zone ?? facts.Organisation.TimeZone).Date;
            var reason = $"Not yet in force on {Day.Format(started)}, the day the incident's clock started ({AnchorWords(anchor)})"
                         + (r.OperativeFrom is { } from ? $": it binds from {Day.Format(from)}." : ".")
                         + (r.Note is { } note ? " " + note : "");
            return Result(false, ReasonKind.NotYetInForce, reason,
                [new GateFinding(ReasonKind.NotYetInForce, "", "", $"Check the {AnchorWords(anchor)} date if it is wrong.", [AnchorFact(anchor)])], false);
        }

        var duties = version?.Duties ?? [];
        if ((regime.NoStatutoryDuty is not null || duties.Count == 0) && !given.Any(o => o.Mandatory))
        {
            var note = r.Note ?? regime.NoStatutoryDuty ?? "the law sets no duty for a private NGO here.";
            var voluntary = given.Count > 0 ? " The voluntary steps listed among the duties are recommended, not required." : "";
            return Result(false, ReasonKind.NoStatutoryDuty, $"No statutory duty for a private NGO: {note}{voluntary}", [], false);
        }

        if (!r.GateMet && regime.GateCondition is { } gate)
        {
            var findings = new List<GateFinding>();
            ConditionExplainer.Explain(gate, input, r.Jurisdiction, findings);
            var then = Nearest(duties, input, r.Jurisdiction, mandatoryOnly: true, out var counselThen)
                .Where(t => findings.All(f => f.Sentence != t.Sentence)).ToList();
            var text = Say(findings) + (then.Count > 0 ? " Even then, " + Lower(Say(then)) : "");
            return Result(false, findings.Count > 0 ? findings[0].Kind : ReasonKind.Excluded, text, findings.Concat(then), counselThen);
        }

        var mandatory = given.Where(o => o.Mandatory).ToList();
        if (mandatory.Count > 0)
        {
            // Each mandatory duty that did not arise, grouped by the same reason ("the notice to the CAI and the notice to
            // the affected people do not arise: it needs a high risk").
            var missed = new List<(List<string> Duties, List<GateFinding> Why, string Said)>();
            foreach (var duty in duties)
            {
                if (!duty.Mandatory || given.Any(o => o.RuleId == duty.Id) || duty.WhenCondition is not { } when || when.Holds(input)) continue;
                var why = new List<GateFinding>();
                ConditionExplainer.Explain(when, input, r.Jurisdiction, why);
                var phrase = Phrase(duty, duty.Authority ?? routedAuthority?.Name);
                var said = Say(why);
                var same = missed.FindIndex(m => m.Said == said);
                if (same < 0) missed.Add(([phrase], why, said));
                else if (!missed[same].Duties.Contains(phrase)) missed[same].Duties.Add(phrase);
            }
            var text = $"Applies: {FactWords.List(mandatory.Select(o => Phrase(o.Rule!, o.Authority)).Distinct(), "and")}.";
            foreach (var (names, _, said) in missed)
                text += $" {Capital(FactWords.List(names, "and"))} {(names.Count == 1 ? "does" : "do")} not arise: {Lower(said)}";
            return Result(true, ReasonKind.Applied, text, missed.SelectMany(m => m.Why), mandatory.Any(o => o.Verification == Verification.M));
        }

        if (duties.All(d => !d.Mandatory))
        {
            if (given.Count > 0)
                return Result(false, ReasonKind.Voluntary, "Voluntary: the law sets no duty here; the regulator's guidance recommends the steps listed among the duties.", [], false);
            var why = Nearest(duties, input, r.Jurisdiction, mandatoryOnly: false, out _);
            return Result(false, ReasonKind.Voluntary,
                "Voluntary: the law sets no duty here, and the steps the regulator's guidance recommends do not arise either. " + Say(why), why, false);
        }

        var failed = Nearest(duties, input, r.Jurisdiction, mandatoryOnly: true, out var counsel);
        var reasonText = (failed.Count > 0 ? Say(failed) : "None of its duties arises for these facts.")
                         + (given.Count > 0 ? " Only voluntary steps arise, listed among the duties." : "");
        return Result(false, failed.Count > 0 ? failed[0].Kind : ReasonKind.Excluded, reasonText, failed, counsel);
    }

    /// <summary>
    /// Why the duties nearest to arising did not: those with the fewest failed parts (a state's notice to people, not its
    /// notice to credit bureaus that also needs 1,000 more people), each distinct reason once, in the catalogue's order.
    /// </summary>
    private static List<GateFinding> Nearest(IReadOnlyList<DutyRule> duties, RuleInput input, string jurisdiction, bool mandatoryOnly, out bool counsel)
    {
        var found = new List<GateFinding>();
        var fewest = int.MaxValue;
        counsel = false;
        foreach (var duty in duties)
        {
            if (mandatoryOnly && !duty.Mandatory) continue;
            if (duty.WhenCondition is not { } when || when.Holds(input)) continue;
            var these = new List<GateFinding>();
            ConditionExplainer.Explain(when, input, jurisdiction, these);
            if (these.Count > fewest) continue;
            if (these.Count < fewest)
            {
                found.Clear();
                counsel = false;
                fewest = these.Count;
            }
            foreach (var f in these)
                if (found.All(g => g.Sentence != f.Sentence)) found.Add(f);
            counsel |= duty.Verification == Verification.M;
        }
        return found;
    }

    private static string Say(IEnumerable<GateFinding> findings) => string.Join(" ", findings.Select(f => f.Sentence));

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Phrase(DutyRule duty, string? authority) => duty.Recipient switch
    {
        Vocabulary.Recipient.Regulator => $"the notice to {authority ?? "the regulator"}",
        Vocabulary.Recipient.Individuals => "the notice to the affected people",
        Vocabulary.Recipient.ConsumerReportingAgencies => "the notice to consumer reporting agencies",
        Vocabulary.Recipient.LawEnforcement => $"the report to {authority ?? "law enforcement"}",
        Vocabulary.Recipient.Record => "the entry in the breach register",
        _ => $"the notice to {authority ?? "others"}",
    };

    private static string AnchorWords(ClockAnchor anchor) => anchor switch
    {
        ClockAnchor.Determined => "determination",
        ClockAnchor.Assessed => "assessment",
        _ => "awareness",
    };

    private static string AnchorFact(ClockAnchor anchor) => anchor switch
    {
        ClockAnchor.Determined => FactIds.DeterminedAt,
        ClockAnchor.Assessed => FactIds.AssessedAt,
        _ => FactIds.AwareAt,
    };
}
