namespace Compliance.Domain.Rules.Explanations;

/// <summary>
/// The stable ids of the facts a person can change to change the outcome, as named in the assessment's
/// <c>considered[].facts</c>. They are the assessment contract's field names (design.md), so a client can point at the
/// field it sent; an organisation attribute is named with its id after a colon.
/// </summary>
public static class FactIds
{
    /// <summary>An organisation attribute, e.g. <c>organisation.attributes:commercial-activity</c>.</summary>
    public static string Attribute(string id) => "organisation.attributes:" + id;

    public const string RiskLevel = "riskLevel";
    public const string DataCategories = "dataCategories";
    public const string Exfiltration = "exfiltration";
    public const string Encryption = "encryption";
    public const string Cause = "cause";

    /// <summary>The number of affected people in the jurisdiction (<c>affected[].count</c>).</summary>
    public const string Affected = "affected";
    public const string AwareAt = "awareAt";
    public const string DeterminedAt = "determinedAt";
    public const string AssessedAt = "assessedAt";
}
