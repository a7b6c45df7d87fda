using System.Globalization;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Risk;

/// <summary>
/// Proposes a risk level from the person's answers and the incident's facts, with a reason per factor that counts.
/// Pure: the same answers and facts give the same proposal.
/// <para>
/// The method, conservative by design: ENISA's severity score (<see cref="EnisaSeverity"/>) gives a first level; then
/// each factor regulators name can only raise it. Any possible loss of confidentiality is at least "a risk" (GDPR
/// Art. 33 applies unless a breach is unlikely to result in one; EDPB 9/2022); special-category data, identity or
/// financial data, children or vulnerable people, misuse seen, or severe consequences make it "high" when the data
/// may have been seen (EDPB 9/2022, PIPEDA s. 10.1(8)). The harms human-rights NGOs face count the same way: a state
/// actor with data revealing political opinion or membership, surveillance by a state actor, or reprisal against
/// activists or their families propose "high" (the bodily harm, damage to relationships and loss of employment
/// PIPEDA s. 10.1(7) names, the physical harm and discrimination EDPB 9/2022 names). "Unlikely" is proposed only
/// when the data was encrypted with the key safe and nothing else points higher (GDPR Art. 34(3)(a); EDPB 01/2021's
/// lost encrypted device), or when ENISA's score is low and nothing was seen, altered on purpose or misused.
/// </para>
/// </summary>
public static class RiskMethod
{
    public static RiskProposal Propose(RiskAnswers answers, RiskFacts facts)
    {
        var reasons = new List<RiskReason>();
        var keySafe = facts.Encryption == Encryption.Encrypted;
        // Exfiltration found or suspected is a loss of confidentiality whatever the answer says.
        var seen = answers.Lost.Contains(SecurityLoss.Confidentiality) || facts.Exfiltration is Exfiltration.Confirmed or Exfiltration.Suspected;
        var exposed = seen && !keySafe;
        var enisa = EnisaSeverity.Of(answers, facts, exposed);
        var sensitive = facts.Categories.Where(EnisaSeverity.IsSensitive).ToList();
        var identity = facts.Categories.Where(EnisaSeverity.IsFinancialOrIdentity).ToList();
        var political = answers.PoliticalExposure || facts.Categories.Any(c => c is DataCategory.PoliticalOpinion or DataCategory.TradeUnionMembership or DataCategory.ReligiousBelief);
        var vulnerable = answers.VulnerablePeople || facts.Categories.Contains(DataCategory.Children);

        void Add(string factor, RiskLevel level, string explanation, string source) => reasons.Add(new(factor, level, explanation, source));

        // The harms that matter most to the people an NGO works with.
        if (answers.StateActor && political)
            Add("State actor and political opinion or membership", RiskLevel.High,
                "A state actor may now know who holds these opinions or supports the organisation: people risk surveillance, arrest or harassment.",
                $"{RiskSources.Pipeda}; {RiskSources.Edpb9}");
        if (answers.Reprisal)
            Add("Reprisal against people or their families", RiskLevel.High,
                "People or their families could face reprisal: physical harm, detention, loss of work or of relationships.",
                $"{RiskSources.Pipeda}; {RiskSources.Edpb9}");
        if (answers.Surveillance)
            Add("Surveillance", answers.StateActor ? RiskLevel.High : RiskLevel.Risk,
                answers.StateActor
                    ? "The data lets a state actor watch or track people: their contacts, communications or movements."
                    : "The data could be used to watch or track people.",
                RiskSources.Edpb9);
        if (answers.StateActor && !political && !answers.Surveillance)
            Add("State actor", RiskLevel.Risk, "A state actor is, or may be, behind the breach: assume the data will be used.", RiskSources.Edpb9);
        if (answers.PoliticalExposure && !answers.StateActor && exposed)
            Add("Political opinion or membership exposed", RiskLevel.High,
                "The data shows who holds political opinions or supports the organisation, which can lead to discrimination or worse.",
                RiskSources.Edpb9);

        // The factors every regulator lists.
        if (sensitive.Count > 0 && exposed)
            Add("Sensitivity of the data", RiskLevel.High, $"Special-category data may have been seen: {Ids(sensitive)}.", $"{RiskSources.Edpb9}; {RiskSources.Pipeda}");
        if (identity.Count > 0 && exposed)
            Add("Identity theft or fraud", RiskLevel.High, $"Data that enables identity theft or fraud may have been seen: {Ids(identity)}.", $"{RiskSources.Pipeda}; {RiskSources.Edpb9}");
        if (vulnerable && exposed)
            Add("Special characteristics of the individuals", RiskLevel.High, "Children or vulnerable people are among those affected, and their data may have been seen.", RiskSources.Edpb9);
        switch (answers.Misuse)
        {
            case Misuse.Observed:
                Add("Probability of misuse", RiskLevel.High, "The data is being misused: published, sold, or used to contact or threaten people.", RiskSources.Pipeda);
                break;
            case Misuse.Possible when !keySafe:
                Add("Probability of misuse", RiskLevel.Risk, "Misuse is possible: who holds the data, or what they want with it, is not known.", RiskSources.Pipeda);
                break;
        }
        switch (answers.Consequences)
        {
            case Consequences.Severe:
                Add("Severity of consequences", RiskLevel.High, "The worst foreseeable consequence is severe: physical harm, persecution, or loss of livelihood.", RiskSources.Edpb9);
                break;
            case Consequences.Significant when !keySafe:
                Add("Severity of consequences", RiskLevel.Risk, "The consequences could be significant: distress, financial loss, damage to reputation or relationships.", RiskSources.Edpb9);
                break;
        }
        if (exposed)
            Add("Type of breach: confidentiality", RiskLevel.Risk,
                facts.Exfiltration == Exfiltration.Confirmed ? "Data was taken by someone who should not have it." : "Someone who should not have it may have seen the data.",
                RiskSources.Edpb9);
        if (facts.Encryption == Encryption.EncryptedKeyCompromised && seen)
            Add("Encryption", RiskLevel.Risk, "The data was encrypted but the key was compromised too: it counts as unencrypted.", RiskSources.Edpb9);
        if (facts.Affected >= 1000 && (exposed || answers.Lost.Any(l => l != SecurityLoss.Confidentiality)))
            Add("Number of individuals", RiskLevel.Risk,
                string.Format(CultureInfo.InvariantCulture, "{0:N0} people are affected: the more people, the greater the impact.", facts.Affected), RiskSources.Edpb9);

        Add("Severity (ENISA method)", enisa.Level,
            $"{enisa} for the data processing context, the ease of identification{(enisa.Unintelligible ? " (encrypted, key safe: negligible)" : "")} and the circumstances of the breach.",
            RiskSources.Enisa);

        // The safe harbour: encrypted with the key safe and nothing else pointing higher.
        if (keySafe)
        {
            var higher = reasons.Where(r => r.Level > RiskLevel.Unlikely).Select(r => r.Factor).Distinct().ToList();
            Add("Encryption", RiskLevel.Unlikely,
                higher.Count == 0
                    ? "The data was encrypted and the key is safe: it is unintelligible to anyone who took it."
                    : $"The data was encrypted and the key is safe, but that does not outweigh: {string.Join("; ", higher)}.",
                $"{RiskSources.Gdpr34}; {RiskSources.Edpb1}");
        }

        var level = reasons.Max(r => r.Level);
        return new RiskProposal(level, reasons.OrderByDescending(r => r.Level).ToList(), enisa.Score);
    }

    private static string Ids(IEnumerable<DataCategory> categories) => string.Join(", ", categories.Select(KebabCase<DataCategory>.ToId));
}
