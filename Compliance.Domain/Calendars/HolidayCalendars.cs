using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Compliance.Domain.Calendars;

/// <summary>
/// The holiday calendars the deadline rules name, by id (an ISO 3166 code, as on the rule). Each
/// calendar's source file carries its citations and verification tags.
/// </summary>
public static class HolidayCalendars
{
    private static readonly IHolidayCalendar[] All =
    [
        new ComputedHolidayCalendar("BR", "Brazil: national holidays", BrazilNationalHolidays.For),
        new ComputedHolidayCalendar("BR-DF", "Brazil: national and Federal District (Brasília) holidays",
            BrasiliaDistrictHolidays.WithNational),
        new ComputedHolidayCalendar("US-TX", "Texas: national and state holidays (Gov't Code §662.003)",
            TexasLegalHolidays.For),
        new ComputedHolidayCalendar("US-VT", "Vermont: legal holidays (1 V.S.A. §371)", VermontLegalHolidays.For),
        new ComputedHolidayCalendar("US-IA", "Iowa: state paid holidays (Iowa Code §1C.2)", IowaPaidHolidays.For),
        new ComputedHolidayCalendar("US-CA", "California: judicial holidays (Code Civ. Proc. §135)",
            CaliforniaJudicialHolidays.For),
        new ComputedHolidayCalendar("US-NY", "New York: public holidays (Gen. Constr. Law §24)",
            NewYorkPublicHolidays.For),
        new ComputedHolidayCalendar("CO", "Colombia: national holidays (Ley 51 of 1983)", ColombiaNationalHolidays.For),
        new ComputedHolidayCalendar("EC", "Ecuador: national holidays (Código del Trabajo art. 65)", EcuadorNationalHolidays.For),
        new ComputedHolidayCalendar("CR", "Costa Rica: holidays (Código de Trabajo art. 148)", CostaRicaHolidays.For),
    ];

    private static readonly FrozenDictionary<string, IHolidayCalendar> ById =
        All.ToFrozenDictionary(calendar => calendar.Id, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Ids { get; } = Array.AsReadOnly(All.Select(c => c.Id).ToArray());

    public static IHolidayCalendar Get(string id) =>
        TryGet(id, out var calendar)
            ? calendar
            : throw new KeyNotFoundException($"No holiday calendar '{id}'. Known: {string.Join(", ", Ids)}.");

    public static bool TryGet(string id, [NotNullWhen(true)] out IHolidayCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.TryGetValue(id, out calendar);
    }
}
