using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>Which US state laws a breach triggers (law reference §21): the data elements, encryption, acquisition or access, and residence. Dates are worked out by hand in the comments beside each case.</summary>
public class UsStateTriggerTests
{
    // ---------------------------------------------------------------- data-element triggers

    [Fact]
    public void A_supporter_record_of_name_email_phone_and_address_triggers_no_US_state()
    {
        var everywhere = UsCatalogue.States.Select(s => (s == "PR" ? "US-PR" : "US-" + s, 20_000)).ToArray();
        var incident = new UsIncident { Categories = ["name", "email", "phone", "postal-address", "donation-history"], Affected = everywhere };

        Assert.DoesNotContain(incident.Assess(), UsCatalogue.IsStateRule);
    }

    [Fact]
    public void Names_with_Social_Security_numbers_reach_all_52_regimes_once_each()
    {
        var everywhere = UsCatalogue.States.Select(s => (s == "PR" ? "US-PR" : "US-" + s, 20_000)).ToArray();

        var individuals = new UsIncident { Affected = everywhere }.Assess().Where(o => o.Recipient == Recipient.Individuals && UsCatalogue.IsStateRule(o)).ToList();

        Assert.Equal(52, individuals.Count);
        Assert.Equal(52, individuals.Select(o => o.Jurisdiction).Distinct().Count());
    }

    [Fact]
    public void A_Social_Security_number_without_a_name_triggers_nothing()
    {
        var incident = UsIncident.In("US-TX", 5000) with { Categories = ["national-id", "email"] };

        Assert.Empty(incident.Assess());
    }

    [Fact]
    public void Email_with_password_triggers_states_that_cover_credentials_but_not_Texas_or_Massachusetts()
    {
        var incident = new UsIncident
        {
            Categories = ["email", "credentials"],
            Affected = [("US-CA", 10), ("US-IL", 10), ("US-AL", 10), ("US-TX", 10), ("US-MA", 10)],
        };

        var jurisdictions = incident.Assess().Where(o => o.Recipient == Recipient.Individuals).Select(o => o.Jurisdiction).Order(StringComparer.Ordinal);

        Assert.Equal(["US-AL", "US-CA", "US-IL"], jurisdictions);
    }

    [Fact]
    public void Name_with_full_date_of_birth_triggers_Washington_but_not_Texas()
    {
        var incident = new UsIncident { Categories = ["name", "date-of-birth"], Affected = [("US-WA", 10), ("US-TX", 10)] };

        Assert.Equal(["us-wa-individuals"], incident.Assess().RuleIds());
    }

    [Fact]
    public void New_York_medical_information_counts_from_21_March_2025_and_not_the_day_before()
    {
        var health = UsIncident.In("US-NY", 10) with { Categories = ["name", "health"] };

        Assert.Empty((health with { DeterminedAt = "2025-03-20T12:00:00-04:00" }).Assess());
        var from = (health with { DeterminedAt = "2025-03-21T12:00:00-04:00" }).Assess();
        Assert.Equal("2025-03-21", from.Rule("us-ny-individuals").RuleVersion);
    }

    // ---------------------------------------------------------------- encryption, acquisition, access

    [Fact]
    public void Encrypted_data_with_a_safe_key_needs_no_notice_but_a_compromised_key_does()
    {
        var incident = new UsIncident { Affected = [("US-TX", 300), ("US-NY", 300), ("US-CA", 600)] };

        Assert.Empty((incident with { Encryption = Encryption.Encrypted }).Assess());
        var compromised = (incident with { Encryption = Encryption.EncryptedKeyCompromised }).Assess();
        Assert.Contains(compromised, o => o.RuleId == "us-tx-ag");
        Assert.Contains(compromised, o => o.RuleId == "us-ny-individuals");
        Assert.Contains(compromised, o => o.RuleId == "us-ca-ag");
    }

    [Fact]
    public void New_York_and_Florida_are_triggered_by_access_without_evidence_of_exfiltration()
    {
        var incident = new UsIncident { Affected = [("US-NY", 10), ("US-FL", 10), ("US-TX", 300), ("US-IL", 600)], Exfiltration = Exfiltration.NotFound };

        Assert.Equal(
            ["us-fl-individuals", "us-ny-ag", "us-ny-dos", "us-ny-individuals", "us-ny-state-police"],
            incident.Assess().RuleIds());
    }

    [Fact]
    public void Suspected_exfiltration_counts_as_acquisition_in_Texas()
    {
        var incident = UsIncident.In("US-TX", 300) with { Exfiltration = Exfiltration.Suspected };

        Assert.Equal(["us-tx-ag", "us-tx-individuals"], incident.Assess().RuleIds());
    }

    [Fact]
    public void Only_residents_count_so_a_Texas_office_does_not_bring_Texas_law_to_Californians()
    {
        var incident = UsIncident.In("US-CA", 600) with { Establishments = ["US-TX"] };

        Assert.DoesNotContain(incident.Assess(), o => o.RuleId.StartsWith("us-tx-", StringComparison.Ordinal));
    }
}
