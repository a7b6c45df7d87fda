using System.Globalization;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Risk;

/// <summary>
/// ENISA's severity score, SE = DPC × EI + CB (ENISA 2013, see <see cref="RiskSources.EnisaUrl"/>):
/// DPC, the data processing context, is 1 (simple data), 2 (behavioural), 3 (financial) or 4 (sensitive), raised by
/// one for vulnerable people or data that reveals political opinion or membership, at most 4; EI, the ease of
/// identification, is 0.25, 0.5, 0.75 or 1; CB, the circumstances of the breach, adds 0.25 for each of confidentiality,
/// integrity and availability lost (0.5 when done on purpose) and 0.5 for malicious intent. Bands: under 2 low, under 3
/// medium, under 4 high, else very high.
/// </summary>
public sealed record EnisaSeverity(decimal Context, decimal Identification, decimal Circumstances, bool Unintelligible)
{
    public decimal Score => Context * Identification + Circumstances;

    public string Band => Score switch { < 2m => "low", < 3m => "medium", < 4m => "high", _ => "very high" };

    /// <summary>Low is "unlikely", medium "a risk", high and very high "a high risk".</summary>
    public RiskLevel Level => Score switch { < 2m => RiskLevel.Unlikely, < 3m => RiskLevel.Risk, _ => RiskLevel.High };

    private static readonly DataCategory[] Sensitive =
    [
        DataCategory.Health, DataCategory.Biometric, DataCategory.Genetic, DataCategory.RacialEthnicOrigin, DataCategory.PoliticalOpinion,
        DataCategory.ReligiousBelief, DataCategory.TradeUnionMembership, DataCategory.SexLifeOrientation, DataCategory.CriminalRecord,
    ];

    // Identity numbers and credentials open the door to fraud as financial data does; ENISA scores credentials by what they reach.
    private static readonly DataCategory[] Financial =
    [
        DataCategory.FinancialAccount, DataCategory.PaymentCard, DataCategory.NationalId, DataCategory.Passport, DataCategory.DriversLicence, DataCategory.Credentials,
    ];

    // A donation to a human-rights group is a preference that says something about the donor, as ENISA's behavioural data does.
    private static readonly DataCategory[] Behavioural = [DataCategory.Location, DataCategory.DonationHistory];

    public static bool IsSensitive(DataCategory c) => Sensitive.Contains(c);

    public static bool IsFinancialOrIdentity(DataCategory c) => Financial.Contains(c);

    public static bool IsMalicious(Cause cause, RiskAnswers answers) =>
        answers.StateActor || cause is Cause.ExternalAttack or Cause.Ransomware or Cause.Phishing or Cause.Malware or Cause.InsiderMalicious;

    public static EnisaSeverity Of(RiskAnswers answers, RiskFacts facts, bool confidentialityLost)
    {
        var categories = facts.Categories;
        decimal context = categories.Any(IsSensitive) ? 4 : categories.Any(IsFinancialOrIdentity) ? 3 : categories.Any(Behavioural.Contains) ? 2 : 1;
        if (answers.VulnerablePeople || categories.Contains(DataCategory.Children)) context++;
        if (answers.PoliticalExposure) context++;
        context = Math.Min(context, 4);

        // Data encrypted with a key nobody else has tells nothing of who the people are (ENISA's "unintelligibility").
        var unintelligible = facts.Encryption == Encryption.Encrypted;
        var identification = unintelligible ? 0.25m : answers.Identification switch
        {
            Risk.Identification.Negligible => 0.25m,
            Risk.Identification.Limited => 0.5m,
            Risk.Identification.Significant => 0.75m,
            _ => 1m,
        };

        var malicious = IsMalicious(facts.Cause, answers);
        var each = malicious ? 0.5m : 0.25m;
        var circumstances = (confidentialityLost ? each : 0) + (answers.Lost.Contains(SecurityLoss.Integrity) ? each : 0)
            + (answers.Lost.Contains(SecurityLoss.Availability) ? each : 0) + (malicious ? 0.5m : 0);
        return new EnisaSeverity(context, identification, circumstances, unintelligible);
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "DPC {0} × EI {1} + CB {2} = {3} ({4})",
        Context.ToString("0.##", CultureInfo.InvariantCulture), Identification.ToString("0.##", CultureInfo.InvariantCulture),
        Circumstances.ToString("0.##", CultureInfo.InvariantCulture), Score.ToString("0.##", CultureInfo.InvariantCulture), Band);
}
