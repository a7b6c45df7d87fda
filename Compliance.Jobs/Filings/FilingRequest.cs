using Compliance.Domain.Rules.Assessment;
using NodaTime;

namespace Compliance.Jobs.Filings;

/// <summary>
/// What a filing is made from: the incident facts of the assessment contract, plus what only people can write.
/// <see cref="Narrative"/> holds the <see cref="FilingValueId.Narrative"/> texts that were given, keyed by id.
/// </summary>
public sealed record FilingRequest(
    IncidentFacts Facts,
    string? OrganisationName,
    string? Title,
    FilingStage Stage,
    Instant? FiledAt,
    string Language,
    IReadOnlyDictionary<string, string> Narrative)
{
    /// <summary>The organisation's documented reasoning for its risk level (the incident's rationale), or empty.</summary>
    public string RiskRationale { get; init; } = "";

    /// <summary>The incident's guided risk assessment as last confirmed, or null: its proposal and reasons go into the filing.</summary>
    public Compliance.Domain.Risk.RiskAssessment? RiskAssessment { get; init; }
}
