using System.ComponentModel;

namespace Compliance.Web.Features.Assessments;

// The assessment contract of design.md as types, for the OpenAPI document only: the endpoint reads and writes the JSON
// itself (AssessmentRequestParser, AssessmentResponseWriter), field by field, so that bad input names its field.

[Description("The facts of an incident, as in design.md. Nothing is stored.")]
public sealed record AssessmentRequest(
    AssessmentOrganisation Organisation,
    [property: Description("When the organisation became aware: an ISO instant with its offset. Required.")] string AwareAt,
    [property: Description("US/Canadian determination that a breach occurred; defaults to awareAt.")] string? DeterminedAt,
    [property: Description("When a notifiability assessment finished (Singapore, Australia); defaults to awareAt.")] string? AssessedAt,
    [property: Description("Data category ids, e.g. name, email, national-id, donation-history.")] IReadOnlyList<string> DataCategories,
    IReadOnlyList<AssessmentAffected> Affected,
    [property: Description("confirmed | suspected | not-found")] string Exfiltration,
    [property: Description("none | encrypted (key safe) | encrypted-key-compromised")] string Encryption,
    [property: Description("external-attack, ransomware, phishing, ...")] string Cause,
    [property: Description("unlikely | risk | high: the organisation's documented judgement.")] string RiskLevel,
    [property: Description("Optional: law enforcement asked to delay notices to individuals over this span (law reference 0.9). The individual deadlines of the laws that allow it move by the part of the hold inside their clock; regulator deadlines do not.")]
    AssessmentHold? LawEnforcementHold);

public sealed record AssessmentOrganisation(
    [property: Description("ISO 3166 codes where the organisation is established, e.g. IE, US-TX.")] IReadOnlyList<string> Establishments,
    [property: Description("IANA time zone of the organisation.")] string TimeZone,
    [property: Description("Facts that gate a law, e.g. commercial-activity (PIPEDA, Alberta, Malaysia), au-turnover-over-3m.")] IReadOnlyList<string> Attributes);

public sealed record AssessmentAffected(string Jurisdiction, int Count);

public sealed record AssessmentHold(
    [property: Description("ISO instant with offset.")] string From,
    [property: Description("ISO instant with offset, after from.")] string Until);

[Description("Who must be told, by when, and why; every regime routed to the incident; and why each applied or not.")]
public sealed record AssessmentResponse(
    IReadOnlyList<AssessmentObligation> Obligations,
    [property: Description("Additive: every regime routed to the incident, with or without a duty, and its status class (law reference 0A.1).")]
    IReadOnlyList<AssessmentRegime> Regimes,
    [property: Description("Additive: \"why no duty here?\", one entry per regime routed to an affected jurisdiction.")]
    IReadOnlyList<AssessmentConsidered> Considered);

public sealed record AssessmentObligation(
    string Jurisdiction, string Recipient, string Authority, string Stage, bool Mandatory,
    [property: Description("The conservative hard limit, or null where the law sets none.")] string? Deadline,
    string? LatestDeadline, string? Target, string TimeZone, string RuleId, string RuleVersion, string Reason,
    IReadOnlyList<string> Sources,
    [property: Description("in-force-fixed-clock | in-force-no-fixed-clock | in-force-clock-unverified | not-yet-operative | no-statutory-duty")] string Status);

public sealed record AssessmentRegime(string Jurisdiction, string RegimeId, string Status, string? RuleVersion, string? OperativeFrom, bool GateMet, string? Note);

public sealed record AssessmentConsidered(
    [property: Description("The jurisdiction (authority's share) the regime was routed to.")] string Jurisdiction,
    [property: Description("The regime's id, e.g. ca-pipeda, us-ny.")] string RuleId,
    [property: Description("True when at least one mandatory duty arises.")] bool Applied,
    [property: Description("Plain words: what applies, or which gate failed and what would change it.")] string Reason,
    [property: Description("Ids of the facts a person could change: organisation.attributes:<id>, riskLevel, dataCategories, exfiltration, encryption, cause, affected, awareAt, determinedAt, assessedAt.")]
    IReadOnlyList<string> Facts,
    [property: Description("applied | organisation-attribute | risk-below-threshold | risk-above-threshold | no-triggering-data | no-exfiltration | cause | under-count-threshold | encryption-safe-harbour | voluntary | not-yet-in-force | no-statutory-duty | excluded")]
    string Kind,
    [property: Description("The ids of the duties (obligations' ruleId) this regime gave there.")] IReadOnlyList<string> Duties,
    [property: Description("True when a duty rests on an unverified source [M].")] bool VerifyWithCounsel);
