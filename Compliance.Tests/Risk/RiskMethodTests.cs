using Compliance.Domain.Risk;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Risk;

/// <summary>What the guided assessment proposes, and why, for the cases an NGO meets.</summary>
public sealed class RiskMethodTests
{
    private static readonly RiskAnswers Quiet = new() { Identification = Identification.Maximum, Misuse = Misuse.NoSign, Consequences = Consequences.Minor };

    private static RiskFacts Facts(Exfiltration exfiltration = Exfiltration.NotFound, Encryption encryption = Encryption.None, Cause cause = Cause.ExternalAttack,
        int affected = 40_000, params DataCategory[] categories) =>
        new(categories.Length == 0 ? [DataCategory.Name, DataCategory.Email, DataCategory.PostalAddress, DataCategory.DonationHistory] : categories,
            affected, exfiltration, encryption, cause);

    [Fact]
    public void A_state_actor_with_political_opinions_proposes_high_and_says_why_citing_its_sources()
    {
        var proposal = RiskMethod.Propose(Quiet with { StateActor = true, Lost = [SecurityLoss.Confidentiality] },
            Facts(categories: [DataCategory.Name, DataCategory.Email, DataCategory.PoliticalOpinion]));

        Assert.Equal(RiskLevel.High, proposal.Level);
        var first = proposal.Reasons[0];
        Assert.Equal("State actor and political opinion or membership", first.Factor);
        Assert.Equal(RiskLevel.High, first.Level);
        Assert.Contains("PIPEDA", first.Source);
        Assert.Contains(proposal.Reasons, r => r.Factor == "Sensitivity of the data" && r.Explanation.Contains("political-opinion"));
        Assert.Contains(proposal.Reasons, r => r.Factor == "Severity (ENISA method)" && r.Source.Contains("ENISA"));
    }

    [Fact]
    public void A_state_actor_reading_a_donor_list_where_support_is_political_proposes_high_even_without_evidence_of_exfiltration()
    {
        // Amnesty Canada 2022: state-sponsored, no evidence anything left; the donor list itself says who supports human rights.
        var proposal = RiskMethod.Propose(Quiet with { StateActor = true, PoliticalExposure = true }, Facts());
        Assert.Equal(RiskLevel.High, proposal.Level);
        Assert.Equal("State actor and political opinion or membership", proposal.Reasons[0].Factor);
    }

    [Fact]
    public void Encrypted_with_the_key_safe_and_nothing_else_proposes_unlikely()
    {
        var proposal = RiskMethod.Propose(Quiet with { Lost = [SecurityLoss.Confidentiality] },
            Facts(Exfiltration.Confirmed, Encryption.Encrypted, Cause.LostOrStolenDevice, categories: [DataCategory.Name, DataCategory.Health]));

        Assert.Equal(RiskLevel.Unlikely, proposal.Level);
        Assert.All(proposal.Reasons, r => Assert.Equal(RiskLevel.Unlikely, r.Level));
        Assert.Contains(proposal.Reasons, r => r.Factor == "Encryption" && r.Source.Contains("Art. 34(3)(a)"));
    }

    [Fact]
    public void Encryption_does_not_outweigh_a_threat_of_reprisal()
    {
        var proposal = RiskMethod.Propose(Quiet with { Reprisal = true }, Facts(Exfiltration.Confirmed, Encryption.Encrypted));
        Assert.Equal(RiskLevel.High, proposal.Level);
        Assert.Contains(proposal.Reasons, r => r.Factor == "Encryption" && r.Explanation.Contains("does not outweigh") && r.Explanation.Contains("Reprisal"));
    }

    [Fact]
    public void A_key_stolen_with_the_data_counts_as_no_encryption()
    {
        var proposal = RiskMethod.Propose(Quiet with { Lost = [SecurityLoss.Confidentiality] },
            Facts(Exfiltration.Confirmed, Encryption.EncryptedKeyCompromised, categories: [DataCategory.Name, DataCategory.Health]));
        Assert.Equal(RiskLevel.High, proposal.Level);
        Assert.Contains(proposal.Reasons, r => r.Factor == "Encryption" && r.Level == RiskLevel.Risk);
    }

    [Fact]
    public void Names_and_emails_taken_by_a_phisher_are_a_risk_but_not_a_high_one()
    {
        var proposal = RiskMethod.Propose(Quiet with { Misuse = Misuse.Possible, Consequences = Consequences.Significant },
            Facts(Exfiltration.Confirmed, cause: Cause.Phishing, affected: 800, categories: [DataCategory.Name, DataCategory.Email]));
        Assert.Equal(RiskLevel.Risk, proposal.Level);
        Assert.Contains(proposal.Reasons, r => r.Factor == "Type of breach: confidentiality");
        Assert.Equal(2m, proposal.EnisaScore); // DPC 1 × EI 1 + CB (confidentiality 0.5 + malice 0.5)
    }

    [Fact]
    public void Ransomware_that_only_locked_data_away_with_nothing_seen_or_misused_can_be_unlikely()
    {
        // EDPB 01/2021's first case: ransomware, a good backup, no exfiltration.
        var proposal = RiskMethod.Propose(Quiet with { Lost = [SecurityLoss.Availability], Identification = Identification.Limited },
            Facts(Exfiltration.NotFound, cause: Cause.Ransomware, affected: 300, categories: [DataCategory.Name, DataCategory.Email]));
        Assert.Equal(RiskLevel.Unlikely, proposal.Level);
    }

    [Fact]
    public void Misuse_seen_proposes_high_whatever_the_data()
    {
        var proposal = RiskMethod.Propose(Quiet with { Misuse = Misuse.Observed }, Facts(Exfiltration.Suspected, categories: [DataCategory.Email]));
        Assert.Equal(RiskLevel.High, proposal.Level);
        Assert.Equal("Probability of misuse", proposal.Reasons[0].Factor);
    }
}
