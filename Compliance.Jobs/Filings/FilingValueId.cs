namespace Compliance.Jobs.Filings;

/// <summary>
/// What a template field may show. Facts come from the assessment contract and the rules engine; narrative
/// fields are written by the user and arrive under the same names in the filing's JSON.
/// </summary>
public static class FilingValueId
{
    public const string OrganisationName = "organisationName", Title = "title", Authority = "authority", Jurisdiction = "jurisdiction",
        AwareAt = "awareAt", DeterminedAt = "determinedAt", AssessedAt = "assessedAt", Deadline = "deadline",
        Categories = "categories", FinancialData = "financialData", AffectedHere = "affectedHere", AffectedTotal = "affectedTotal",
        Cause = "cause", Exfiltration = "exfiltration", Encryption = "encryption", Risk = "risk";

    /// <summary>Text the user writes; each is an optional string in the filing's JSON.</summary>
    public static readonly IReadOnlyList<string> Narrative =
    [
        "description", "consequences", "measures", "measuresPlanned", "contact", "occurred", "discovery", "chronology",
        "individualsNotice", "noticesSent", "lawEnforcement", "otherRegulators", "adviceToIndividuals", "delayReasons", "records",
    ];

    public static readonly IReadOnlyList<string> Computed =
    [
        OrganisationName, Title, Authority, Jurisdiction, AwareAt, DeterminedAt, AssessedAt, Deadline,
        Categories, FinancialData, AffectedHere, AffectedTotal, Cause, Exfiltration, Encryption, Risk,
    ];

    public static bool IsKnown(string id) => Narrative.Contains(id) || Computed.Contains(id);

    /// <summary>The JSON field that fills a value, for the completeness list ("contact", "affected").</summary>
    public static string InputFieldFor(string id) => id switch
    {
        AffectedHere or AffectedTotal => "affected",
        Categories or FinancialData => "dataCategories",
        Risk => "riskLevel",
        _ => id,
    };
}
