using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Law reference §§61-64 (second wave): Ukraine, Serbia, Georgia, British Columbia.
public sealed class EuropeCanadaWave2RulesTests
{
    [Fact]
    public void Ukraine_has_no_statutory_breach_duty()
    {
        var all = Facts.In("UA", 1000).Explain();
        Assert.Empty(all);
        Assert.Equal(RegimeStatus.NoStatutoryDuty, all.Regime("ua-pdp").Status);
        Assert.Contains("8153", all.Regime("ua-pdp").Note);
    }

    // ---- Serbia (§62): GDPR-style; 72 hours across Belgrade's clock changes.
    [Fact]
    public void Serbia_counts_72_hours_across_the_autumn_clock_change_as_elapsed_time()
    {
        var poverenik = (Facts.In("RS", 10) with { AwareAt = "2026-10-23T12:00:00+02:00", Risk = RiskLevel.Risk }).Assess().Single("rs-zzpl-commissioner");
        Assert.Equal("2026-10-26T11:00:00+01:00", poverenik.DeadlineText()); // not 12:00: that would be 73 hours
    }

    [Fact]
    public void Serbia_counts_72_hours_across_the_spring_clock_change_as_elapsed_time()
    {
        var poverenik = (Facts.In("RS", 10) with { AwareAt = "2026-03-27T12:00:00+01:00" }).Assess().Single("rs-zzpl-commissioner");
        Assert.Equal("2026-03-30T13:00:00+02:00", poverenik.DeadlineText());
    }

    [Fact]
    public void Serbia_spares_people_when_cryptographic_protection_held()
    {
        (Facts.In("RS", 10) with { Encryption = Encryption.Encrypted }).Assess().None("rs-zzpl-individuals");
        Facts.In("RS", 10).Assess().Single("rs-zzpl-individuals");
        Assert.Equal(["rs-zzpl-record"], (Facts.In("RS", 10) with { Risk = RiskLevel.Unlikely }).Assess().Select(o => o.RuleId));
    }

    // ---- Georgia (§63): 72 hours from identification, Tbilisi (no DST).
    [Fact]
    public void Georgia_gives_the_PDPS_72_hours_from_identifying_the_incident()
    {
        var all = (Facts.In("GE", 10) with { AwareAt = "2024-03-01T09:00:00+04:00" }).Assess();
        Assert.Equal("2024-03-04T09:00:00+04:00", all.Single("ge-pdpl-pdps").DeadlineText());
        all.Single("ge-pdpl-individuals");
        all.Single("ge-pdpl-register");
        Assert.Empty((Facts.In("GE", 10) with { AwareAt = "2024-02-29T09:00:00+04:00" }).Assess());
    }

    // ---- British Columbia (§64): voluntary only, and PIPEDA is not routed to a BC resident.
    [Fact]
    public void British_Columbia_has_no_statutory_duty_only_voluntary_reports()
    {
        var all = (Facts.In("CA-BC", 100) with { Attributes = ["commercial-activity"] }).Explain();
        Assert.NotEmpty(all);
        Assert.All(all, o => Assert.False(o.Mandatory));
        Assert.All(all, o => Assert.Equal("America/Vancouver", o.TimeZone.Id));
        Assert.Equal(RegimeStatus.NoStatutoryDuty, all.Regime("ca-bc-pipa").Status);
        Assert.Equal("ca-bc-pipa", Assert.Single(RuleCatalogue.Default.RegimesFor(JurisdictionCode.Parse("CA-BC"))).Id);
    }
}
