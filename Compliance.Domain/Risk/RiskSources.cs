namespace Compliance.Domain.Risk;

/// <summary>
/// The guidance each factor comes from. Read through the public texts and practitioners' summaries of them
/// (law/reference.md marks such facts [S]); have counsel check before relying on the method.
/// </summary>
public static class RiskSources
{
    /// <summary>
    /// EDPB Guidelines 9/2022 on personal data breach notification (v2.0, 28 March 2023), which took over WP250rev.01:
    /// the factors for assessing risk (type of breach; nature, sensitivity and volume of data; ease of identification;
    /// severity of consequences; special characteristics of the individuals; number of individuals).
    /// </summary>
    public const string Edpb9 = "EDPB Guidelines 9/2022 (factors to consider when assessing risk)";
    public const string Edpb9Url = "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-92022-personal-data-breach-notification-under_en";

    /// <summary>EDPB Guidelines 01/2021 on examples regarding data breach notification (ransomware with a backup, lost encrypted devices...).</summary>
    public const string Edpb1 = "EDPB Guidelines 01/2021 (examples)";
    public const string Edpb1Url = "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-012021-examples-regarding-personal-data-breach_en";

    /// <summary>ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches (v1.0, 2013): SE = DPC × EI + CB.</summary>
    public const string Enisa = "ENISA severity method (2013): SE = DPC × EI + CB";
    public const string EnisaUrl = "https://www.enisa.europa.eu/publications/dbn-severity";

    /// <summary>PIPEDA s. 10.1(7)-(8): significant harm (bodily harm, humiliation, damage to reputation or relationships, ...) and the factors of a real risk: sensitivity and probability of misuse.</summary>
    public const string Pipeda = "PIPEDA s. 10.1(7)-(8) (real risk of significant harm: sensitivity, probability of misuse)";
    public const string PipedaUrl = "https://laws-lois.justice.gc.ca/eng/acts/P-8.6/page-3.html";

    /// <summary>GDPR Art. 34(3)(a): data made unintelligible, such as by encryption, needs no communication to the people.</summary>
    public const string Gdpr34 = "GDPR Art. 34(3)(a) (data unintelligible, e.g. encrypted)";

    public static IReadOnlyList<(string Name, string Url)> All { get; } =
    [
        ("EDPB Guidelines 9/2022 on personal data breach notification under GDPR", Edpb9Url),
        ("EDPB Guidelines 01/2021 on examples regarding personal data breach notification", Edpb1Url),
        ("ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches", EnisaUrl),
        ("PIPEDA, Division 1.1 (breaches of security safeguards), s. 10.1", PipedaUrl),
        ("GDPR (Regulation (EU) 2016/679), Articles 33 and 34", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
    ];
}
