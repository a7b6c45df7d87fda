using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// A notice to individuals the law lets wait for law enforcement: its clock stops for the part of the hold between
/// its start and its end, so each limit moves by that much; the reason says so.
/// </summary>
internal static class LawEnforcementHoldShift
{
    private static readonly ZonedDateTimePattern HoldPattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm x", null);

    /// <returns>False when the hold does not touch the duty (nothing is changed then).</returns>
    public static bool Apply(LawEnforcementHold hold, LawEnforcementDelay delay, DutyRule duty, IncidentFacts facts, DateTimeZone zone,
        Dictionary<string, DeadlineCalculator.Result> computed, AuthorityScope scope, ref DeadlineCalculator.Result deadline, ref DeadlineCalculator.Result target, ref string reason)
    {
        var clock = duty.Deadline.Unit == ClockUnit.None && duty.Target is not null ? duty.Target : duty.Deadline;
        Instant? start = clock.Anchor == ClockAnchor.Duty ? DutyBuilder.AnchorOf(clock, computed, facts, scope)?.Deadline : facts.Anchor(clock.Anchor);
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
}
