namespace Compliance.Domain.Rules.Explanations;

/// <summary>
/// "Why no duty here?": one regime the catalogue routed to one affected jurisdiction, whether it gave a mandatory duty
/// (<see cref="Applied"/>) and why, in plain words, with the facts (<see cref="FactIds"/>) a person could change.
/// <see cref="RuleId"/> is the regime's id; <see cref="DutyIds"/> the duties it gave there (empty when none).
/// </summary>
public sealed record ConsideredRule(
    string Jurisdiction,
    string RuleId,
    string RegimeName,
    bool Applied,
    ReasonKind Kind,
    string Reason,
    IReadOnlyList<string> Facts,
    IReadOnlyList<string> DutyIds,
    bool VerifyWithCounsel);

/// <summary>
/// Why a regime applied or not: the gate that failed. Stable ids (kebab-case) in the assessment's <c>considered</c>
/// array as <c>kind</c>.
/// </summary>
public enum ReasonKind
{
    /// <summary>At least one mandatory duty arises.</summary>
    Applied,
    /// <summary>The law reaches the organisation only with a declared attribute (commercial activity, turnover), or not with one.</summary>
    OrganisationAttribute,
    /// <summary>The recorded risk is below the law's threshold (real risk of significant harm, high risk).</summary>
    RiskBelowThreshold,
    /// <summary>The duty is only for a lower risk (a record kept when the risk is unlikely).</summary>
    RiskAboveThreshold,
    /// <summary>None of the data elements that trigger the law was taken (US: a name with an SSN, licence, account number...).</summary>
    NoTriggeringData,
    /// <summary>The law needs data to have left (acquisition), and none is recorded as having left.</summary>
    NoExfiltration,
    /// <summary>The law covers other causes of breach.</summary>
    Cause,
    /// <summary>Fewer people in the jurisdiction than the law's count threshold.</summary>
    UnderCountThreshold,
    /// <summary>The data was encrypted and the key is safe.</summary>
    EncryptionSafeHarbour,
    /// <summary>The law sets no duty; the regulator recommends steps (Hong Kong).</summary>
    Voluntary,
    /// <summary>The law was enacted but did not bind yet on the day the incident's clock started.</summary>
    NotYetInForce,
    /// <summary>No statutory duty for a private NGO there (law reference §0A.1).</summary>
    NoStatutoryDuty,
    /// <summary>A condition that excludes the duty holds.</summary>
    Excluded,
}
