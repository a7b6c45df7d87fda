using System.Collections.Frozen;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Tests.Rules.Us;

/// <summary>
/// One incident affecting US residents. The happy path is set once (SSN with names, exfiltrated, unencrypted,
/// high risk); each test varies one thing with <c>with</c>. Times are fixed offsets, never the wall clock.
/// </summary>
internal sealed record UsIncident
{
    public string DeterminedAt { get; init; } = "2026-03-10T10:00:00-05:00";
    public string? AwareAt { get; init; }
    public string[] Categories { get; init; } = ["name", "national-id"];
    public (string Jurisdiction, int Count)[] Affected { get; init; } = [("US-TX", 300)];
    public string[] Establishments { get; init; } = [];
    public string[] Attributes { get; init; } = [];
    public Exfiltration Exfiltration { get; init; } = Exfiltration.Confirmed;
    public Encryption Encryption { get; init; } = Encryption.None;
    public RiskLevel Risk { get; init; } = RiskLevel.High;

    public static UsIncident In(string jurisdiction, int count) => new() { Affected = [(jurisdiction, count)] };

    public IncidentFacts Facts()
    {
        var determined = Instant(DeterminedAt);
        var aware = AwareAt is null ? determined : Instant(AwareAt);
        var organisation = new OrganisationProfile(
            Establishments.Select(JurisdictionCode.Parse).ToList(),
            DateTimeZoneProviders.Tzdb["America/New_York"],
            Attributes.ToFrozenSet(StringComparer.Ordinal));
        return new IncidentFacts(
            organisation, aware, determined, determined,
            Categories.Select(KebabCase<DataCategory>.Parse).ToFrozenSet(),
            Affected.Select(a => new AffectedCount(JurisdictionCode.Parse(a.Jurisdiction), a.Count)).ToList(),
            Exfiltration, Encryption, Cause.ExternalAttack, Risk);
    }

    public IReadOnlyList<AssessedObligation> Assess() => RulesEngine.Default.Assess(Facts());

    public static Instant Instant(string offsetDateTime) =>
        OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).GetValueOrThrow().ToInstant();
}

internal static class UsObligations
{
    /// <summary>The one obligation from this rule; fails the test if there is none or more than one.</summary>
    public static AssessedObligation Rule(this IEnumerable<AssessedObligation> obligations, string ruleId) =>
        Assert.Single(obligations, o => o.RuleId == ruleId);

    public static string[] RuleIds(this IEnumerable<AssessedObligation> obligations) =>
        obligations.Select(o => o.RuleId).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The deadline as the contract writes it: local time with the offset of the authority's zone.</summary>
    public static string? Local(this AssessedObligation o, Instant? instant) =>
        instant is { } i ? AssessmentResponseWriter.Format(i, o.TimeZone) : null;

    public static string? DeadlineText(this AssessedObligation o) => o.Local(o.Deadline);

    public static string? LatestText(this AssessedObligation o) => o.Local(o.LatestDeadline);
}
