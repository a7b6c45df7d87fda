namespace Compliance.Web.Features.Incidents;

// What the OpenAPI document shows for request bodies. The endpoints read the JSON themselves, field by field, so
// that each problem is reported under its JSON path; these records only describe the shape.

/// <summary>The facts of an incident: the assessment contract's fields plus title, summary, risk rationale and the clocks' zone.</summary>
public sealed record IncidentBody(
    string Title,
    string? Summary,
    string AwareAt,
    string? DeterminedAt,
    string? AssessedAt,
    string? OccurredFrom,
    string? OccurredUntil,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<AffectedResource> Affected,
    string Exfiltration,
    string Encryption,
    string Cause,
    string RiskLevel,
    string? RiskRationale,
    string? TimeZone);

/// <summary>Any subset of the incident's facts (JSON merge patch), optionally the version edited and a new status.</summary>
public sealed record IncidentPatchBody(
    string? Title,
    string? AwareAt,
    IReadOnlyList<AffectedResource>? Affected,
    string? Status,
    int? Version);

public sealed record DecisionBody(string Decision, string Rationale);

/// <summary>As JSON, or as multipart/form-data with the same fields and an <c>evidence</c> file part.</summary>
public sealed record FulfilmentBody(string FiledAt, string Reference);

public sealed record TimelineEventBody(string At, string Description);
