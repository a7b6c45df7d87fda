using NodaTime;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// GDPR Articles 33 and 34 (reference section 1) and the UK GDPR (section 2).
public sealed class GdprRulesTests
{
    private static readonly Facts IrishNgo = Facts.In("IE", 8000) with
    {
        Establishments = ["IE"], Zone = "Europe/Dublin",
        Categories = [DataCategory.Name, DataCategory.Email, DataCategory.Phone, DataCategory.PoliticalOpinion],
    };

    [Fact]
    public void The_design_example_gives_the_DPC_72_hours_from_awareness()
    {
        var dpc = IrishNgo.Assess().Single("eu-gdpr-art33");
        Assert.Equal("IE", dpc.Jurisdiction);
        Assert.Equal(Recipient.Regulator, dpc.Recipient);
        Assert.Equal("Data Protection Commission", dpc.Authority);
        Assert.Equal("initial", dpc.Stage);
        Assert.True(dpc.Mandatory);
        Assert.Equal("2025-06-16T16:00:00+01:00", dpc.DeadlineText());
        Assert.Null(dpc.LatestDeadline);
        Assert.Equal("Europe/Dublin", dpc.TimeZone.Id);
        Assert.Equal("2018-05-25", dpc.RuleVersion);
        Assert.Contains("https://eur-lex.europa.eu/eli/reg/2016/679/oj", dpc.Sources);
    }

    [Fact]
    public void Seventy_two_hours_cross_the_autumn_clock_change_as_elapsed_time()
    {
        // Dublin leaves summer time on Sunday 26 Oct 2025: 72 h after Friday 22:30 IST is Monday 21:30 GMT,
        // not the wall-clock "three days later" (22:30), which would be 73 hours: late.
        var dpc = (IrishNgo with { AwareAt = "2025-10-24T22:30:00+01:00" }).Assess().Single("eu-gdpr-art33");
        Assert.Equal("2025-10-27T21:30:00+00:00", dpc.DeadlineText());
        Assert.Equal(Duration.FromHours(72), dpc.Deadline - Facts.Parse("2025-10-24T22:30:00+01:00"));
    }

    [Fact]
    public void Seventy_two_hours_cross_the_spring_clock_change_as_elapsed_time()
    {
        var dpc = (IrishNgo with { AwareAt = "2025-03-28T12:00:00+00:00" }).Assess().Single("eu-gdpr-art33");
        Assert.Equal("2025-03-31T13:00:00+01:00", dpc.DeadlineText());
    }

    [Fact]
    public void Weekends_do_not_extend_the_72_hours()
    {
        var dpc = (IrishNgo with { AwareAt = "2025-06-13T16:00:00+01:00" }).Assess().Single("eu-gdpr-art33"); // a Friday
        Assert.Equal("2025-06-16T16:00:00+01:00", dpc.DeadlineText());                                      // Monday, same time
    }

    [Fact]
    public void High_risk_means_telling_people_without_undue_delay_and_every_breach_is_recorded()
    {
        var all = IrishNgo.Assess();
        var people = all.Single("eu-gdpr-art34");
        Assert.Equal(Recipient.Individuals, people.Recipient);
        Assert.Null(people.Deadline);
        Assert.Equal(Recipient.Record, all.Single("eu-gdpr-art33-5").Recipient);
    }

    [Fact]
    public void A_breach_unlikely_to_result_in_a_risk_is_only_recorded()
    {
        var all = (IrishNgo with { Risk = RiskLevel.Unlikely }).Assess();
        all.None("eu-gdpr-art33");
        all.None("eu-gdpr-art34");
        all.Single("eu-gdpr-art33-5");
    }

    [Fact]
    public void Risk_without_high_risk_means_the_authority_but_not_the_people()
    {
        var all = (IrishNgo with { Risk = RiskLevel.Risk }).Assess();
        all.Single("eu-gdpr-art33");
        all.None("eu-gdpr-art34");
    }

    [Fact]
    public void Encryption_with_the_key_safe_spares_the_people_but_not_the_authority()
    {
        var all = (IrishNgo with { Encryption = Encryption.Encrypted }).Assess();
        all.Single("eu-gdpr-art33");
        all.None("eu-gdpr-art34");

        var leakedKey = (IrishNgo with { Encryption = Encryption.EncryptedKeyCompromised }).Assess();
        leakedKey.Single("eu-gdpr-art34");
    }

    [Fact]
    public void An_organisation_established_in_the_EU_answers_to_its_lead_authority_for_everyone()
    {
        var all = (IrishNgo with { Affected = [("FR", 300), ("DE-BE", 200), ("IE", 10)] }).Assess();
        var regulator = Assert.Single(all, o => o.RuleId == "eu-gdpr-art33");
        Assert.Equal("IE", regulator.Jurisdiction);
    }

    [Fact]
    public void An_organisation_with_no_EU_establishment_notifies_every_authority_where_people_live()
    {
        var all = (Facts.In("FR", 300).And("DE-BE", 200).And("DE-BY", 5) with { Establishments = ["CA"] }).Assess();
        var regulators = all.Where(o => o.RuleId == "eu-gdpr-art33").ToList();
        Assert.Equal(["DE-BE", "DE-BY", "FR"], regulators.Select(o => o.Jurisdiction).Order());
        Assert.Contains(regulators, o => o.Authority.Contains("CNIL") && o.TimeZone.Id == "Europe/Paris");
        Assert.Contains(regulators, o => o.Authority.StartsWith("Berliner"));
        Assert.Single(all, o => o.RuleId == "eu-gdpr-art33-5");
    }

    [Fact]
    public void A_German_Land_falls_back_to_Germany_when_it_has_no_entry_of_its_own()
    {
        var regulator = Facts.In("DE", 10).Assess().Single("eu-gdpr-art33");
        Assert.Equal("DE", regulator.Jurisdiction);
        Assert.Equal("Europe/Berlin", regulator.TimeZone.Id);
    }

    [Fact]
    public void The_EEA_three_are_covered_by_the_GDPR()
    {
        var all = Facts.In("NO", 10).And("IS", 10).And("LI", 10).Assess();
        Assert.Equal(3, all.Count(o => o.RuleId == "eu-gdpr-art33"));
    }

    [Fact]
    public void A_UK_charity_with_EU_supporters_tells_the_ICO_and_the_EU_authorities()
    {
        var all = (Facts.In("GB", 1000).And("FR", 100) with { Establishments = ["GB"], Zone = "Europe/London" }).Assess();
        var ico = all.Single("uk-gdpr-art33");
        Assert.Equal("Europe/London", ico.TimeZone.Id);
        Assert.Equal("2025-06-16T16:00:00+01:00", ico.DeadlineText());
        Assert.Equal("FR", all.Single("eu-gdpr-art33").Jurisdiction);
    }

    [Fact]
    public void An_establishment_brings_the_law_in_even_when_nobody_affected_lives_there()
    {
        var all = (Facts.In("US-CA", 50) with { Establishments = ["IE"] }).Assess();
        Assert.Equal("IE", all.Single("eu-gdpr-art33").Jurisdiction);
    }
}
