using System.Globalization;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Jobs.Filings;

/// <summary>The text of each <see cref="FilingValueId"/> for one filing, or null where there is nothing to show.</summary>
internal sealed class FilingValues(FilingRequest request, RegulatorDuty duty, FilingTemplate template, CommonLabels labels)
{
    private static readonly DataCategory[] Financial = [DataCategory.FinancialAccount, DataCategory.PaymentCard];

    public string? Get(string id)
    {
        var facts = request.Facts;
        var zone = duty.Zone;
        return id switch
        {
            FilingValueId.OrganisationName => request.OrganisationName,
            FilingValueId.Title => request.Title,
            FilingValueId.Authority => duty.AuthorityName,
            FilingValueId.Jurisdiction => duty.Jurisdiction.Value,
            FilingValueId.AwareAt => FilingDates.Format(facts.AwareAt, zone),
            FilingValueId.DeterminedAt => FilingDates.Format(facts.DeterminedAt, zone),
            FilingValueId.AssessedAt => FilingDates.Format(facts.AssessedAt, zone),
            FilingValueId.Deadline => Deadline(zone),
            FilingValueId.Categories => Categories(facts.DataCategories.Order()),
            FilingValueId.FinancialData => facts.DataCategories.Intersect(Financial).Order().ToList() is { Count: > 0 } some
                ? string.Format(CultureInfo.InvariantCulture, labels.Financial["some"], Categories(some))
                : labels.Financial["none"],
            FilingValueId.AffectedHere => Count(duty.AffectedHere),
            FilingValueId.AffectedTotal => Count(duty.AffectedTotal),
            FilingValueId.Cause => labels.Causes[KebabCase<Cause>.ToId(facts.Cause)],
            FilingValueId.Exfiltration => labels.Exfiltration[KebabCase<Exfiltration>.ToId(facts.Exfiltration)],
            FilingValueId.Encryption => labels.Encryption[KebabCase<Encryption>.ToId(facts.Encryption)],
            FilingValueId.Risk => Risk(KebabCase<RiskLevel>.ToId(facts.RiskLevel)),
            _ => request.Narrative.GetValueOrDefault(id),
        };
    }

    /// <summary>True when the filing is made after the hard deadline, so reasons for the delay are due.</summary>
    public bool IsLate(Instant filedAt) => duty.Deadline?.Deadline is { } deadline && filedAt > deadline;

    private string Deadline(DateTimeZone zone) => duty.Deadline switch
    {
        null => labels.About["notFound"],
        { Deadline: null } => labels.About["noDeadline"],
        { Deadline: { } d, LatestDeadline: { } latest } =>
            string.Format(CultureInfo.InvariantCulture, labels.About["latestDeadline"], FilingDates.Format(d, zone), FilingDates.Format(latest, zone)),
        { Deadline: { } d } => FilingDates.Format(d, zone),
    };

    private string? Categories(IEnumerable<DataCategory> categories)
    {
        var names = categories.Select(c => KebabCase<DataCategory>.ToId(c))
            .Select(id => template.CategoryLabels.GetValueOrDefault(id) ?? labels.Categories[id]).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private string Risk(string id) => template.RiskLabels.GetValueOrDefault(id) ?? labels.Risk[id];

    private static string? Count(int count) => count > 0 ? count.ToString("N0", CultureInfo.InvariantCulture) : null;
}
