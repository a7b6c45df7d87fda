using System.Collections.Frozen;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Tests.Rules;

/// <summary>
/// An incident for rule tests: a plausible default (a high-risk phishing breach of names and emails, data taken,
/// nothing encrypted) that each test varies in the one fact it is about.
/// </summary>
public sealed record Facts
{
    public string[] Establishments { get; init; } = [];
    public string Zone { get; init; } = "UTC";
    public string[] Attributes { get; init; } = [];
    public string AwareAt { get; init; } = "2025-06-13T16:00:00+01:00";
    public string? DeterminedAt { get; init; }
    public string? AssessedAt { get; init; }
    public DataCategory[] Categories { get; init; } = [DataCategory.Name, DataCategory.Email];
    public (string Code, int Count)[] Affected { get; init; } = [];
    public Exfiltration Exfiltration { get; init; } = Exfiltration.Confirmed;
    public Encryption Encryption { get; init; } = Encryption.None;
    public Cause Cause { get; init; } = Cause.Phishing;
    public RiskLevel Risk { get; init; } = RiskLevel.High;

    public static Facts In(string code, int count) => new() { Affected = [(code, count)] };

    public Facts And(string code, int count) => this with { Affected = [.. Affected, (code, count)] };

    public IncidentFacts Build()
    {
        var aware = Parse(AwareAt);
        return new IncidentFacts(
            new OrganisationProfile(Establishments.Select(JurisdictionCode.Parse).ToList(), DateTimeZoneProviders.Tzdb[Zone], Attributes.ToFrozenSet()),
            aware,
            DeterminedAt is null ? aware : Parse(DeterminedAt),
            AssessedAt is null ? aware : Parse(AssessedAt),
            Categories.ToFrozenSet(),
            Affected.Select(a => new AffectedCount(JurisdictionCode.Parse(a.Code), a.Count)).ToList(),
            Exfiltration, Encryption, Cause, Risk);
    }

    public IReadOnlyList<AssessedObligation> Assess() => RulesEngine.Default.Assess(Build());

    /// <summary>The obligations with the status of every regime routed to the incident, duty or not.</summary>
    public IncidentAssessment Explain() => RulesEngine.Default.Assess(Build());

    public static Instant Parse(string offsetDateTime) => OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).GetValueOrThrow().ToInstant();
}

public static class ObligationAssertions
{
    public static AssessedObligation Single(this IReadOnlyList<AssessedObligation> all, string ruleId) =>
        Assert.Single(all, o => o.RuleId == ruleId);

    public static void None(this IReadOnlyList<AssessedObligation> all, string ruleId) =>
        Assert.DoesNotContain(all, o => o.RuleId == ruleId);

    /// <summary>The deadline as the contract writes it: local time with the zone's offset.</summary>
    public static string? Local(this Instant? instant, AssessedObligation o) =>
        instant is { } i ? AssessmentResponseWriter.Format(i, o.TimeZone) : null;

    public static string? DeadlineText(this AssessedObligation o) => o.Deadline.Local(o);

    public static string? LatestText(this AssessedObligation o) => o.LatestDeadline.Local(o);

    public static string? TargetText(this AssessedObligation o) => o.Target.Local(o);

    /// <summary>The one entry of this regime in the assessment's "regimes" list.</summary>
    public static RegimeConsidered Regime(this IncidentAssessment a, string regimeId) =>
        Assert.Single(a.Regimes, r => r.RegimeId == regimeId);
}
