using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// Catalogue × facts → duties. Pure and deterministic: the same facts give the same duties, in the same order.
/// </summary>
public sealed class RulesEngine(RuleCatalogue catalogue)
{
    public static RulesEngine Default { get; } = new(RuleCatalogue.Default);

    public RuleCatalogue Catalogue => catalogue;

    private static readonly ZonedDateTimePattern HoldPattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm x", null);

    /// <summary>
    /// Working tables reused by every assessment on one thread: the routing table, each routed regime's scopes, the
    /// computed deadlines and the lists the results are gathered in (a list per regime and lists grown from empty were
    /// most of what an assessment allocated besides its duties). Per thread, so the shared engine stays thread-safe.
    /// </summary>
    private sealed class Scratch
    {
        public int[] At = [];
        public readonly List<Regime> Routed = [];
        public readonly List<List<Scope>> Scopes = [];
        public readonly List<AssessedObligation> Results = [];
        public readonly List<RegimeConsidered> Considered = [];
        public readonly Dictionary<string, DeadlineCalculator.Result> Computed = new(StringComparer.Ordinal);
    }

    [ThreadStatic] private static Scratch? scratch;

    public IncidentAssessment Assess(IncidentFacts facts)
    {
        var s = scratch ??= new Scratch();
        var results = s.Results;
        var considered = s.Considered;
        results.Clear();
        considered.Clear();
        // The categories as bits once per assessment, not once per scope.
        var categories = CategoryBits.Of(facts.DataCategories);
        // One table of this scope's computed deadlines, cleared per scope.
        var computed = s.Computed;
        var routed = Route(facts, s);
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
                AssessScope(regime, version, scope, facts, categories, first, results, computed);
                first = false;
            }
        }
        Sort(results);
        // The caller keeps exact-size copies; the working lists let go of what they held.
        var assessment = new IncidentAssessment([.. results], [.. considered], facts);
        results.Clear();
        considered.Clear();
        computed.Clear();
        s.Routed.Clear();
        return assessment;
    }

    /// <summary>Whether this law binds at the clock start at all, and if not yet, from when.</summary>
    private static RegimeConsidered Consider(Regime regime, Scope scope, RegimeVersion? version, IncidentFacts facts, bool gateMet)
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

    private static int Total(List<Scope> scopes)
    {
        var total = 0;
        for (var i = 0; i < scopes.Count; i++) total += scopes[i].Count;
        return total;
    }

    private static void AssessScope(Regime regime, RegimeVersion version, Scope scope, IncidentFacts facts, ulong categories, bool firstScope, List<AssessedObligation> results,
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
                && Held(hold, delay, duty, facts, zone, computed, scope, ref deadline, ref target, ref reason)) sources = [.. sources, .. delay.Sources];

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

    /// <summary>
    /// A notice to individuals the law lets wait for law enforcement: its clock stops for the part of the hold between
    /// its start and its end, so each limit moves by that much; the reason says so. False when the hold does not touch it.
    /// </summary>
    private static bool Held(LawEnforcementHold hold, LawEnforcementDelay delay, DutyRule duty, IncidentFacts facts, DateTimeZone zone,
        Dictionary<string, DeadlineCalculator.Result> computed, Scope scope, ref DeadlineCalculator.Result deadline, ref DeadlineCalculator.Result target, ref string reason)
    {
        var clock = duty.Deadline.Unit == ClockUnit.None && duty.Target is not null ? duty.Target : duty.Deadline;
        Instant? start = clock.Anchor == ClockAnchor.Duty ? AnchorOf(clock, computed, facts, scope)?.Deadline : facts.Anchor(clock.Anchor);
        if (start is not { } from) return false;
        var end = deadline.Deadline ?? target.Deadline ?? Instant.MaxValue;
        var shift = hold.Suspends(from, end);
        if (shift == Duration.Zero) return false;
        static Instant? Later(Instant? at, Duration by) => at is { } x ? x + by : null;
        deadline = new DeadlineCalculator.Result(Later(deadline.Deadline, shift), Later(deadline.Latest, shift));
        target = new DeadlineCalculator.Result(Later(target.Deadline, shift), null);
        reason += $" Law enforcement asked to delay this notice from {HoldPattern.Format(hold.From.InZone(zone))} until {HoldPattern.Format(hold.Until.InZone(zone))}: "
                  + (end == Instant.MaxValue ? "it may wait until the hold ends, then goes out as soon as practicable"
                      : $"its clock stops for {(shift.TotalHours >= 48 ? $"{shift.TotalDays:0.#} days" : $"{shift.TotalHours:0.#} hours")} of it, and its deadline moves by as much")
                  + (delay.Verification == Verification.M ? " (the delay clause is unverified: verify with counsel)." : ".");
        return true;
    }

    /// <summary>The duty a clock counts from: when it was actually fulfilled if that is known, else its deadline.</summary>
    private static DeadlineCalculator.Result? AnchorOf(Clock clock, Dictionary<string, DeadlineCalculator.Result> computed, IncidentFacts facts, Scope scope)
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

    /// <summary>One authority's share of the incident: who is notified, about how many people.</summary>
    private readonly record struct Scope(string Jurisdiction, Authority Authority, int Count);

    /// <summary>
    /// Which regimes apply and to whom. An organisation established in a regime's territory answers to its
    /// establishment's authority for the whole incident (GDPR one-stop shop); otherwise each authority where
    /// affected people live gets the people in its area, and only those.
    /// </summary>
    /// <returns>How many regimes were routed: <c>s.Routed[i]</c> with its scopes in <c>s.Scopes[i]</c>.</returns>
    private int Route(IncidentFacts facts, Scratch s)
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

        List<Scope> Add(Regime regime)
        {
            routed.Add(regime);
            if (s.Scopes.Count < routed.Count) s.Scopes.Add(new List<Scope>(1));
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
                Add(regime).Add(new Scope(authority.ScopeFor(establishment), authority, total));
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
                List<Scope> scopes;
                if (at[regime.Ordinal] == 0)
                {
                    scopes = Add(regime);
                    at[regime.Ordinal] = routed.Count;
                }
                else scopes = s.Scopes[at[regime.Ordinal] - 1];
                var key = authority.ScopeFor(affected.Jurisdiction);
                var i = 0;
                while (i < scopes.Count && scopes[i].Jurisdiction != key) i++;
                if (i == scopes.Count) scopes.Add(new Scope(key, authority, affected.Count));
                else scopes[i] = scopes[i] with { Count = scopes[i].Count + affected.Count };
            }
        }
        return routed.Count;
    }

    /// <summary>
    /// Sorts soonest deadline first (none last), then by jurisdiction, recipient and rule id, ordinally, through integer
    /// keys: the jurisdiction packed into a number (a code is at most six ASCII characters) and each rule id's rank in
    /// the catalogue, so a few hundred duties are not sorted by comparing strings thousands of times. Exact ties keep
    /// the order they were found in.
    /// </summary>
    private static void Sort(List<AssessedObligation> results)
    {
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(results);
        var pooled = System.Buffers.ArrayPool<SortKey>.Shared.Rent(items.Length);
        try
        {
            var keys = pooled.AsSpan(0, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                var o = items[i];
                keys[i] = new SortKey(o.Deadline is { } d ? d.ToUnixTimeTicks() : long.MaxValue, Pack(o.Jurisdiction), (int)o.Recipient, o.Rule!.IdRank, i);
            }
            keys.Sort(items);
        }
        finally
        {
            System.Buffers.ArrayPool<SortKey>.Shared.Return(pooled);
        }
    }

    /// <summary>Up to eight ASCII characters, big-endian, zero-padded: comparing the numbers compares the strings ordinally.</summary>
    private static ulong Pack(string code)
    {
        System.Diagnostics.Debug.Assert(code.Length <= 8 && System.Text.Ascii.IsValid(code), $"'{code}' is not a jurisdiction code");
        ulong packed = 0;
        for (var i = 0; i < 8; i++) packed = (packed << 8) | (i < code.Length ? code[i] : 0u);
        return packed;
    }

    private readonly record struct SortKey(long Deadline, ulong Jurisdiction, int Recipient, int Rule, int Index) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var c = Deadline.CompareTo(other.Deadline);
            if (c != 0) return c;
            c = Jurisdiction.CompareTo(other.Jurisdiction);
            if (c != 0) return c;
            c = Recipient.CompareTo(other.Recipient);
            if (c != 0) return c;
            c = Rule.CompareTo(other.Rule);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
