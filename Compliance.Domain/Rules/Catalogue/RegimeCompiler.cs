using System.Collections.Frozen;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>
/// Checks a regime as the catalogue file states it and compiles it, with its versions, into the model the engine reads.
/// Every refusal names the file and the place in it.
/// </summary>
internal static class RegimeCompiler
{
    public static Regime Compile(RegimeDto r, string path)
    {
        if (string.IsNullOrWhiteSpace(r.Id)) throw new CatalogueException($"{path}: id is missing.");
        if (r.Territory.Count == 0) throw new CatalogueException($"{path}: territory is empty.");
        foreach (var code in r.Territory)
            if (!JurisdictionCode.TryParse(code, out _)) throw new CatalogueException($"{path}: territory code '{code}' is not ISO 3166.");
        if (r.Authorities.Count == 0) throw new CatalogueException($"{path}: authorities are missing.");
        var authorities = r.Authorities.ToFrozenDictionary(a => a.Key, a => new Authority(a.Key, a.Value.Name, Zone(a.Value.TimeZone, $"{path}.authorities.{a.Key}")));
        var appliesBy = r.AppliesBy switch
        {
            "residence" => false,
            "residence-or-establishment" => true,
            _ => throw new CatalogueException($"{path}: appliesBy must be 'residence' or 'residence-or-establishment'."),
        };
        if (r.NoStatutoryDuty is null && r.Versions.Count == 0) throw new CatalogueException($"{path}: a regime needs versions or a noStatutoryDuty statement.");
        var gate = r.Gate is null ? null : ConditionCompiler.Compile(r.Gate, $"{path}.gate");
        return new Regime
        {
            Id = r.Id,
            Name = r.Name,
            Territory = r.Territory.ToFrozenSet(),
            Authorities = authorities,
            AppliesByEstablishment = appliesBy,
            Gate = gate?.Holds,
            GateCondition = gate,
            NoStatutoryDuty = r.NoStatutoryDuty,
            Versions = r.Versions.Select((v, n) => Compile(v, $"{path}.versions[{n}]")).OrderByDescending(v => v.EffectiveFrom).ToList(),
        };
    }

    private static RegimeVersion Compile(VersionDto v, string path)
    {
        var from = Date(v.EffectiveFrom, $"{path}.effectiveFrom");
        var to = v.EffectiveTo is null ? (LocalDate?)null : Date(v.EffectiveTo, $"{path}.effectiveTo");
        if (to < from) throw new CatalogueException($"{path}: effectiveTo is before effectiveFrom.");
        var duties = new List<DutyRule>();
        foreach (var (d, n) in v.Duties.Select((d, n) => (d, n)))
            duties.Add(DutyCompiler.Compile(d, $"{path}.duties[{n}] ({d.Id})", duties));
        var anchors = duties.SelectMany(d => new[] { d.Deadline, d.Latest, d.Target }).Select(c => c?.AnchorDutyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var d in duties) d.IsAnchor = anchors.Contains(d.Id);
        var status = v.Status is null ? StatusOf(duties) : ConditionCompiler.Parse<RegimeStatus>(v.Status, $"{path}.status");
        if (duties.Count == 0 && status is not (RegimeStatus.NotYetOperative or RegimeStatus.NoStatutoryDuty))
            throw new CatalogueException($"{path}: a version without duties must have status not-yet-operative or no-statutory-duty.");
        if (duties.Count == 0 && string.IsNullOrWhiteSpace(v.Note))
            throw new CatalogueException($"{path}: a version without duties needs a note saying why.");
        return new RegimeVersion
        {
            Version = string.IsNullOrWhiteSpace(v.Version) ? throw new CatalogueException($"{path}: version is missing.") : v.Version,
            EffectiveFrom = from,
            EffectiveTo = to,
            ClockStart = ClockCompiler.Anchor(v.ClockStart, $"{path}.clockStart", allowDuty: false).Anchor,
            Status = status,
            Note = v.Note,
            Duties = duties,
        };
    }

    /// <summary>
    /// A version's status when the catalogue does not give one: no mandatory notice means no statutory duty (Hong Kong's
    /// recommendations); a mandatory notice with a deadline means a fixed clock; otherwise the law binds without one.
    /// </summary>
    private static RegimeStatus StatusOf(IReadOnlyList<DutyRule> duties)
    {
        var notices = duties.Where(d => d.Mandatory && d.Recipient != Recipient.Record).ToList();
        if (notices.Count == 0) return RegimeStatus.NoStatutoryDuty;
        return notices.Any(d => d.Deadline.Unit is ClockUnit.Hours or ClockUnit.CalendarDays or ClockUnit.BusinessDays) ? RegimeStatus.InForceFixedClock : RegimeStatus.InForceNoFixedClock;
    }

    private static DateTimeZone Zone(string id, string path) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new CatalogueException($"{path}: '{id}' is not an IANA time zone.");

    private static LocalDate Date(string text, string path) =>
        LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value : throw new CatalogueException($"{path}: '{text}' is not a yyyy-MM-dd date.");
}
