using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Engine;

/// <summary>The duties one version of a law gives one authority's scope: which apply, their deadlines and reasons.</summary>
internal static class DutyBuilder
{
    public static void AddFor(Regime regime, RegimeVersion version, AuthorityScope scope, IncidentFacts facts, ulong categories, bool firstScope, List<AssessedObligation> results,
        Dictionary<string, DeadlineCalculator.Result> computed)
    {
        var zone = scope.Authority.Zone;
        var input = new RuleInput(facts, scope.Count, categories);
        // Indexed loops over IReadOnlyList: a foreach boxes an enumerator on every call, and this runs per scope.
        var duties = version.Duties;
        for (var d = 0; d < duties.Count; d++)
        {
            var duty = duties[d];
            if (duty.Once && !firstScope) continue;
            if (duty.When is not null && !duty.When(input)) continue;

            var deadline = DeadlineCalculator.Compute(duty.Deadline, facts, zone, AnchorOf(duty.Deadline, computed, facts, scope), duty.RollForward);
            if (duty.Latest is not null)
                deadline = deadline with { Latest = DeadlineCalculator.Compute(duty.Latest, facts, zone, AnchorOf(duty.Latest, computed, facts, scope), null).Deadline };
            var target = duty.Target is null ? default : DeadlineCalculator.Compute(duty.Target, facts, zone, AnchorOf(duty.Target, computed, facts, scope), null);
            // A duty counted from this one (an AG copy "no later than" the notice) keeps the unheld deadline: regulator clocks run on.
            if (duty.IsAnchor) computed[duty.Id] = deadline;
            var reason = duty.Retention is null ? duty.Reason : WithRetention(duty, facts, zone);
            var sources = duty.Sources;
            if (facts.LawEnforcementHold is { } hold && duty.LawEnforcementDelay is { } delay
                && LawEnforcementHoldShift.Apply(hold, delay, duty, facts, zone, computed, scope, ref deadline, ref target, ref reason)) sources = [.. sources, .. delay.Sources];

            results.Add(new AssessedObligation(
                scope.Jurisdiction,
                duty.Recipient,
                duty.Authority ?? scope.Authority.Name,
                duty.Stage,
                duty.Mandatory,
                deadline.Deadline,
                deadline.Latest,
                target.Deadline,
                zone,
                duty.Id,
                version.Version,
                reason,
                sources,
                duty.Verification) { Status = version.Status, Rule = duty });
        }
    }

    /// <summary>The duty a clock counts from: when it was actually fulfilled if that is known, else its deadline.</summary>
    public static DeadlineCalculator.Result? AnchorOf(Clock clock, Dictionary<string, DeadlineCalculator.Result> computed, IncidentFacts facts, AuthorityScope scope)
    {
        if (clock.AnchorDutyId is not { } id) return null;
        if (facts.FulfilledAt.Count > 0 && facts.FulfilledAt.TryGetValue(IncidentFacts.FulfilmentKey(id, scope.Jurisdiction), out var done))
            return new DeadlineCalculator.Result(done, null);
        return computed.GetValueOrDefault(id);
    }

    private static string WithRetention(DutyRule duty, IncidentFacts facts, DateTimeZone zone)
    {
        var r = duty.Retention!;
        var until = facts.Anchor(r.Anchor).InZone(zone).Date.Plus(r.Period);
        var from = r.From ?? r.Anchor switch { ClockAnchor.Determined => "determination", ClockAnchor.Assessed => "assessment", _ => "awareness" };
        return $"{duty.Reason} Keep it at least until {LocalDatePattern.Iso.Format(until)} ({r.Period.Years + r.Period.Months / 12.0:0.#} years from {from}).";
    }
}
