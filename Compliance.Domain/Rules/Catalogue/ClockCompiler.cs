using System.Collections.Frozen;
using Compliance.Domain.Calendars;
using Compliance.Domain.Rules.Assessment;
using NodaTime;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>Checks and compiles a duty's clocks and retention: the unit, the anchor (a fact or an earlier duty), the calendar.</summary>
internal static class ClockCompiler
{
    public static Clock Compile(ClockDto c, string path, IReadOnlyList<DutyRule> earlier)
    {
        var unit = c.Unit switch
        {
            "none" => ClockUnit.None,
            "hours" => ClockUnit.Hours,
            "calendar-days" => ClockUnit.CalendarDays,
            "business-days" => ClockUnit.BusinessDays,
            "same-as" => ClockUnit.SameAs,
            _ => throw new CatalogueException($"{path}.unit '{c.Unit}' is not one of none, hours, calendar-days, business-days, same-as."),
        };
        var (anchor, dutyId) = Anchor(c.Anchor, $"{path}.anchor", allowDuty: true);
        if (dutyId is not null && earlier.All(e => e.Id != dutyId))
            throw new CatalogueException($"{path}.anchor refers to '{dutyId}', which is not an earlier duty of the same version.");
        if (unit == ClockUnit.SameAs && dutyId is null) throw new CatalogueException($"{path}: 'same-as' needs a 'duty:<id>' anchor.");
        if (unit is ClockUnit.Hours or ClockUnit.CalendarDays or ClockUnit.BusinessDays && c.Amount < 1)
            throw new CatalogueException($"{path}.amount must be at least 1.");
        if (unit == ClockUnit.BusinessDays && c.Calendar is null) throw new CatalogueException($"{path}: business days need a calendar.");
        if (unit == ClockUnit.BusinessDays && c.IncludeStartDay) throw new CatalogueException($"{path}: business days always exclude the start day.");
        return new Clock
        {
            Anchor = anchor,
            AnchorDutyId = dutyId,
            Unit = unit,
            Amount = c.Amount,
            IncludeStartDay = c.IncludeStartDay,
            Calendar = c.Calendar is null ? null : Calendar(c.Calendar, $"{path}.calendar"),
            AmountWhen = c.AmountWhen.Select(a => (a.AttributesAll.ToFrozenSet(), a.Amount)).ToList(),
        };
    }

    public static Retention Compile(RetentionDto r, string path)
    {
        if (r.Months < 0 || r.Years < 0 || r.Months + r.Years == 0) throw new CatalogueException($"{path}: give months or years.");
        var period = r.Years > 0 ? Period.FromYears(r.Years) : Period.FromMonths(r.Months);
        return new Retention(Anchor(r.Anchor, $"{path}.anchor", allowDuty: false).Anchor, period, r.From);
    }

    public static (ClockAnchor Anchor, string? DutyId) Anchor(string text, string path, bool allowDuty) => text switch
    {
        "aware" => (ClockAnchor.Aware, null),
        "determined" => (ClockAnchor.Determined, null),
        "assessed" => (ClockAnchor.Assessed, null),
        _ when allowDuty && text.StartsWith("duty:", StringComparison.Ordinal) && text.Length > 5 => (ClockAnchor.Duty, text[5..]),
        _ => throw new CatalogueException($"{path} '{text}' is not one of aware, determined, assessed{(allowDuty ? ", duty:<id>" : "")}."),
    };

    public static IHolidayCalendar Calendar(string id, string path) =>
        HolidayCalendars.TryGet(id, out var calendar) ? calendar! : throw new CatalogueException($"{path}: no holiday calendar '{id}'.");
}
