using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Compliance.Domain.Calendars;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>
/// The rule catalogue: every regime from the JSON files embedded beside this class, validated once.
/// A catalogue with an unknown zone, calendar, category or a dangling reference does not load at all.
/// </summary>
public sealed class RuleCatalogue
{
    private static readonly Lazy<RuleCatalogue> Embedded = new(LoadEmbedded);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private RuleCatalogue(IReadOnlyList<Regime> regimes)
    {
        Regimes = regimes;
        for (var i = 0; i < regimes.Count; i++)
        {
            regimes[i].Ordinal = i;
            foreach (var duty in regimes[i].Versions.SelectMany(v => v.Duties)) duty.Regime = regimes[i];
        }
        var duties = regimes.SelectMany(r => r.Versions).SelectMany(v => v.Duties).ToList();
        var ids = duties.Select(d => d.Id).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank, StringComparer.Ordinal);
        foreach (var duty in duties) duty.IdRank = ids[duty.Id];
        RegimesByDuty = duties.GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(d => d.Regime).Distinct().OrderBy(r => r.Ordinal).ToArray(), StringComparer.Ordinal);
        ByTerritory = regimes
            .SelectMany(r => r.Territory.Select(code => (code, r)))
            .GroupBy(x => x.code, x => x.r)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<Regime> Regimes { get; }

    /// <summary>Regimes by the codes their territory lists; a subdivision not listed falls back to its country.</summary>
    public FrozenDictionary<string, Regime[]> ByTerritory { get; }

    public static RuleCatalogue Default => Embedded.Value;

    /// <summary>The regimes (in catalogue order) with a duty of this id in any version: how a stored duty finds its law.</summary>
    public IReadOnlyList<Regime> RegimesWithDuty(string dutyId) => RegimesByDuty.GetValueOrDefault(dutyId) ?? [];

    private FrozenDictionary<string, Regime[]> RegimesByDuty { get; }

    public Regime[] RegimesFor(JurisdictionCode code) =>
        ByTerritory.GetValueOrDefault(code.Value)
        ?? (code.IsSubdivision ? ByTerritory.GetValueOrDefault(code.Country) : null)
        ?? [];

    public static RuleCatalogue Parse(IEnumerable<(string Name, string Json)> files)
    {
        var regimes = new List<Regime>();
        foreach (var (name, json) in files)
        {
            CatalogueFile file;
            try
            {
                file = JsonSerializer.Deserialize<CatalogueFile>(json, Json) ?? throw new CatalogueException($"{name} is empty.");
            }
            catch (JsonException e)
            {
                throw new CatalogueException($"{name}: {e.Message}");
            }
            regimes.AddRange(file.Regimes.Select((r, n) => Compile(r, $"{name}: regimes[{n}] ({r.Id})")));
        }
        var duplicate = regimes.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CatalogueException($"Regime id '{duplicate.Key}' is used twice.");
        var duplicateDuty = regimes.SelectMany(r => r.Versions.SelectMany(v => v.Duties.Select(d => (d.Id, v.Version))))
            .GroupBy(x => x).FirstOrDefault(g => g.Count() > 1);
        if (duplicateDuty is not null)
            throw new CatalogueException($"Rule id '{duplicateDuty.Key.Id}' version '{duplicateDuty.Key.Version}' is used twice.");
        return new RuleCatalogue(regimes);
    }

    private static RuleCatalogue LoadEmbedded()
    {
        var assembly = typeof(RuleCatalogue).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Rules.Catalogue.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, Read(assembly, n)))
            .ToList();
        return Parse(files);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Regime Compile(RegimeDto r, string path)
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
            duties.Add(Compile(d, $"{path}.duties[{n}] ({d.Id})", duties));
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
            ClockStart = Anchor(v.ClockStart, $"{path}.clockStart", allowDuty: false).Anchor,
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

    private static DutyRule Compile(DutyDto d, string path, IReadOnlyList<DutyRule> earlier)
    {
        if (string.IsNullOrWhiteSpace(d.Id)) throw new CatalogueException($"{path}: id is missing.");
        if (string.IsNullOrWhiteSpace(d.Reason)) throw new CatalogueException($"{path}: reason is missing.");
        if (d.Sources.Count == 0) throw new CatalogueException($"{path}: a duty must cite at least one source.");
        var verification = Tag(d.Verification, $"{path}.verification");
        string[] stages = ["initial", "detailed", "final", "complement"];
        if (!stages.Contains(d.Stage)) throw new CatalogueException($"{path}: stage '{d.Stage}' is not one of {string.Join(", ", stages)}.");
        var reason = d.Reason.Trim();
        if (verification == Verification.M) reason += " Verify with counsel: this rule rests on an unverified source.";
        var recipient = ConditionCompiler.Parse<Recipient>(d.Recipient, $"{path}.recipient");
        var when = d.When is null ? null : ConditionCompiler.Compile(d.When, $"{path}.when");
        return new DutyRule
        {
            Id = d.Id,
            Recipient = recipient,
            Authority = d.Authority,
            Stage = d.Stage,
            Mandatory = d.Mandatory,
            Once = d.Once,
            When = when?.Holds,
            WhenCondition = when,
            Deadline = d.Deadline is null ? Clock.None : Compile(d.Deadline, $"{path}.deadline", earlier),
            Latest = d.Latest is null ? null : Compile(d.Latest, $"{path}.latest", earlier),
            Target = d.Target is null ? null : Compile(d.Target, $"{path}.target", earlier),
            RollForward = d.RollForward is null ? null : Calendar(d.RollForward, $"{path}.rollForward"),
            Retention = d.Retention is null ? null : Compile(d.Retention, $"{path}.retention"),
            Reason = reason,
            Content = d.Content,
            ProhibitedContent = d.ProhibitedContent,
            Sources = d.Sources,
            Verification = verification,
            LawEnforcementDelay = d.LawEnforcementDelay is { } le ? Compile(le, recipient, $"{path}.lawEnforcementDelay") : null,
            Notice = d.Notice is { } n ? Compile(n, recipient, $"{path}.notice") : null,
        };
    }

    private static NoticeRules Compile(NoticeRulesDto n, Recipient recipient, string path)
    {
        if (recipient != Recipient.Individuals) throw new CatalogueException($"{path}: notice rules belong to a notice to individuals.");
        if (string.IsNullOrWhiteSpace(n.Citation)) throw new CatalogueException($"{path}.citation is missing.");
        foreach (var field in n.RequiredFields.Concat(n.ForbiddenFields))
            if (!Compliance.Domain.Notices.NoticeParts.All.Contains(field)) throw new CatalogueException($"{path}: '{field}' is not a notice field ({string.Join(", ", Compliance.Domain.Notices.NoticeParts.All)}).");
        return new NoticeRules(n.Citation, n.RequiredFields, n.RequiredText, n.ForbiddenFields);
    }

    private static LawEnforcementDelay Compile(LawEnforcementDelayDto le, Recipient recipient, string path)
    {
        // Law reference §0.9: the hold is for notices to people; regulator clocks keep running.
        if (recipient != Recipient.Individuals) throw new CatalogueException($"{path}: only a notice to individuals may be held for law enforcement.");
        if (le.Sources.Count == 0) throw new CatalogueException($"{path}: cite the source that allows the delay.");
        return new LawEnforcementDelay(le.Sources, Tag(le.Verification, $"{path}.verification"), le.Note);
    }

    private static Verification Tag(string text, string path) => text switch
    {
        "V" => Verification.V,
        "S" => Verification.S,
        "M" => Verification.M,
        _ => throw new CatalogueException($"{path} must be V, S or M."),
    };

    private static Clock Compile(ClockDto c, string path, IReadOnlyList<DutyRule> earlier)
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

    private static Retention Compile(RetentionDto r, string path)
    {
        if (r.Months < 0 || r.Years < 0 || r.Months + r.Years == 0) throw new CatalogueException($"{path}: give months or years.");
        var period = r.Years > 0 ? Period.FromYears(r.Years) : Period.FromMonths(r.Months);
        return new Retention(Anchor(r.Anchor, $"{path}.anchor", allowDuty: false).Anchor, period, r.From);
    }

    private static (ClockAnchor Anchor, string? DutyId) Anchor(string text, string path, bool allowDuty) => text switch
    {
        "aware" => (ClockAnchor.Aware, null),
        "determined" => (ClockAnchor.Determined, null),
        "assessed" => (ClockAnchor.Assessed, null),
        _ when allowDuty && text.StartsWith("duty:", StringComparison.Ordinal) && text.Length > 5 => (ClockAnchor.Duty, text[5..]),
        _ => throw new CatalogueException($"{path} '{text}' is not one of aware, determined, assessed{(allowDuty ? ", duty:<id>" : "")}."),
    };

    private static DateTimeZone Zone(string id, string path) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new CatalogueException($"{path}: '{id}' is not an IANA time zone.");

    private static IHolidayCalendar Calendar(string id, string path) =>
        HolidayCalendars.TryGet(id, out var calendar) ? calendar! : throw new CatalogueException($"{path}: no holiday calendar '{id}'.");

    private static LocalDate Date(string text, string path) =>
        LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value : throw new CatalogueException($"{path}: '{text}' is not a yyyy-MM-dd date.");
}
