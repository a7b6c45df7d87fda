using Compliance.Domain.Calendars;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using NodaTime;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// Turns a clock into an instant. Hours are elapsed time added to the anchor instant, so 72 hours stay 72 hours
/// across a clock change. Days end at 23:59:59 of the last day in the authority's zone; the start day is excluded
/// unless the rule counts it as day one. Business days skip weekends and the rule's holiday calendar.
/// </summary>
public static class DeadlineCalculator
{
    private static readonly LocalTime EndOfDay = new(23, 59, 59);

    public readonly record struct Result(Instant? Deadline, Instant? Latest);

    /// <param name="anchorDuty">The deadline of the duty this clock counts from, when it counts from one.</param>
    public static Result Compute(Clock clock, IncidentFacts facts, DateTimeZone zone, Result? anchorDuty, IHolidayCalendar? rollForward)
    {
        if (clock.Unit == ClockUnit.None) return default;
        if (clock.Unit == ClockUnit.SameAs) return anchorDuty ?? default;

        Instant start;
        if (clock.Anchor == ClockAnchor.Duty)
        {
            if (anchorDuty?.Deadline is not { } d) return default;
            start = d;
        }
        else start = facts.Anchor(clock.Anchor);

        var amount = clock.AmountFor(facts.Organisation.Attributes);
        switch (clock.Unit)
        {
            case ClockUnit.Hours:
                return new(start + Duration.FromHours(amount), null);
            case ClockUnit.CalendarDays:
            {
                var startDay = start.InZone(zone).Date;
                var lastDay = startDay.PlusDays(clock.IncludeStartDay ? amount - 1 : amount);
                Instant? latest = null;
                if (rollForward is not null)
                {
                    var rolled = BusinessDays.RollForward(lastDay, rollForward);
                    if (rolled != lastDay) latest = EndOf(rolled, zone);
                }
                return new(EndOf(lastDay, zone), latest);
            }
            case ClockUnit.BusinessDays:
                return new(EndOf(BusinessDays.AddBusinessDays(start.InZone(zone).Date, amount, clock.Calendar!), zone), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(clock), clock.Unit, null);
        }
    }

    /// <summary>23:59:59 local; a gap or overlap at that time resolves leniently rather than throwing.</summary>
    public static Instant EndOf(LocalDate day, DateTimeZone zone) => zone.AtLeniently(day.At(EndOfDay)).ToInstant();
}
