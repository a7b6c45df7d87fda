using Compliance.Domain.Incidents;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>The incident form's fields as the browser posts them; strings, so a typo is shown back as typed.</summary>
public sealed class IncidentForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? ClockZone { get; set; }
    public LocalTimeInput AwareAt { get; set; } = new();
    public LocalTimeInput DeterminedAt { get; set; } = new();
    public LocalTimeInput AssessedAt { get; set; } = new();
    public LocalTimeInput OccurredFrom { get; set; } = new();
    public LocalTimeInput OccurredUntil { get; set; } = new();

    /// <summary>Law enforcement asked to delay notices to people from... until...: both or neither.</summary>
    public LocalTimeInput HoldFrom { get; set; } = new();
    public LocalTimeInput HoldUntil { get; set; } = new();
    public List<string> DataCategories { get; set; } = [];
    public List<AffectedRow> Affected { get; set; } = [];
    public string? Exfiltration { get; set; }
    public string? Encryption { get; set; }
    public string? Cause { get; set; }
    public string? RiskLevel { get; set; }
    public string? RiskRationale { get; set; }

    /// <summary>The incident version the form was loaded from: an edit based on an older one is a conflict.</summary>
    public int? Version { get; set; }

    public const int SpareRows = 3;

    public static IncidentForm Blank(string zone) => new IncidentForm { ClockZone = zone }.WithSpareRows();

    public static IncidentForm From(Incident incident)
    {
        var zone = TimeText.Zone(incident.ClockZone, DateTimeZone.Utc);
        return new IncidentForm
        {
            Title = incident.Title,
            Summary = incident.Summary,
            ClockZone = incident.ClockZone,
            AwareAt = LocalClock.ToInput(incident.AwareAt, zone),
            DeterminedAt = LocalClock.ToInput(incident.DeterminedAt, zone),
            AssessedAt = LocalClock.ToInput(incident.AssessedAt, zone),
            OccurredFrom = LocalClock.ToInput(incident.OccurredFrom, zone),
            OccurredUntil = LocalClock.ToInput(incident.OccurredUntil, zone),
            HoldFrom = LocalClock.ToInput(incident.LawEnforcementHoldFrom, zone),
            HoldUntil = LocalClock.ToInput(incident.LawEnforcementHoldUntil, zone),
            DataCategories = incident.DataCategories.Select(KebabCase<DataCategory>.ToId).ToList(),
            Affected = incident.Affected.OrderBy(a => a.Jurisdiction, StringComparer.Ordinal)
                .Select(a => new AffectedRow { Jurisdiction = a.Jurisdiction, Count = a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Estimated = a.Estimated })
                .ToList(),
            Exfiltration = KebabCase<Exfiltration>.ToId(incident.Exfiltration),
            Encryption = KebabCase<Encryption>.ToId(incident.Encryption),
            Cause = KebabCase<Cause>.ToId(incident.Cause),
            RiskLevel = KebabCase<RiskLevel>.ToId(incident.RiskLevel),
            RiskRationale = incident.RiskRationale,
            Version = incident.Version,
        }.WithSpareRows();
    }

    /// <summary>Adds empty rows for more jurisdictions, so people can add some without any script.</summary>
    public IncidentForm WithSpareRows()
    {
        var blank = Affected.Count(r => r.IsBlank);
        for (var i = blank; i < SpareRows; i++) Affected.Add(new AffectedRow());
        return this;
    }
}

/// <summary>One jurisdiction's count of affected people, as typed.</summary>
public sealed class AffectedRow
{
    public string? Jurisdiction { get; set; }
    public string? Count { get; set; }
    public bool Estimated { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Jurisdiction) && string.IsNullOrWhiteSpace(Count);
}
