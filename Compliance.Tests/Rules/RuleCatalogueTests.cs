using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

public sealed class RuleCatalogueTests
{
    public static readonly string[] ReferenceJurisdictions =
    [
        // EU member states and the EEA three
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
        "GB", "CH", "HK", "CA", "CA-QC", "CA-AB", "AU", "NZ", "SG", "JP", "KR", "BR", "IN", "ZA", "KE", "NG", "PH", "TH", "CN", "US",
        // every US state, DC and Puerto Rico
        "US-AL", "US-AK", "US-AZ", "US-AR", "US-CA", "US-CO", "US-CT", "US-DE", "US-DC", "US-FL", "US-GA", "US-HI", "US-ID", "US-IL",
        "US-IN", "US-IA", "US-KS", "US-KY", "US-LA", "US-ME", "US-MD", "US-MA", "US-MI", "US-MN", "US-MS", "US-MO", "US-MT", "US-NE",
        "US-NV", "US-NH", "US-NJ", "US-NM", "US-NY", "US-NC", "US-ND", "US-OH", "US-OK", "US-OR", "US-PA", "US-RI", "US-SC", "US-SD",
        "US-TN", "US-TX", "US-UT", "US-VT", "US-VA", "US-WA", "US-WV", "US-WI", "US-WY", "US-PR", "PR",
        // the second wave (reference sections 29-64)
        "MX", "CO", "AR", "CL", "PE", "EC", "UY", "CR", "ID", "MY", "VN", "TW", "MO", "LK", "IL", "TR", "AE", "SA", "QA", "EG",
        "MA", "TN", "GH", "UG", "RW", "TZ", "ZM", "ZW", "MU", "BW", "SN", "CI", "UA", "RS", "GE", "CA-BC",
    ];

    [Fact]
    public void The_embedded_catalogue_loads()
    {
        Assert.NotEmpty(RuleCatalogue.Default.Regimes);
    }

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public void Every_jurisdiction_of_the_reference_has_an_entry_with_duties_or_an_explicit_no_duty(string code)
    {
        var regimes = RuleCatalogue.Default.RegimesFor(JurisdictionCode.Parse(code));
        Assert.NotEmpty(regimes);
        Assert.All(regimes, r => Assert.True(
            r.Versions.Any(v => v.Duties.Count > 0 || v.Status is RegimeStatus.NotYetOperative or RegimeStatus.NoStatutoryDuty) || r.NoStatutoryDuty is not null, r.Id));
    }

    // Law reference §0A.1: the status class of every second-wave jurisdiction, in the version in force at the end of 2026.
    [Theory]
    [InlineData("PE", RegimeStatus.InForceFixedClock)]
    [InlineData("UY", RegimeStatus.InForceFixedClock)]
    [InlineData("CO", RegimeStatus.InForceFixedClock)]
    [InlineData("EC", RegimeStatus.InForceFixedClock)]
    [InlineData("CR", RegimeStatus.InForceFixedClock)]
    [InlineData("ID", RegimeStatus.InForceFixedClock)]
    [InlineData("MY", RegimeStatus.InForceFixedClock)]
    [InlineData("VN", RegimeStatus.InForceFixedClock)]
    [InlineData("TR", RegimeStatus.InForceFixedClock)]
    [InlineData("SA", RegimeStatus.InForceFixedClock)]
    [InlineData("EG", RegimeStatus.InForceFixedClock)]
    [InlineData("RW", RegimeStatus.InForceFixedClock)]
    [InlineData("ZM", RegimeStatus.InForceFixedClock)]
    [InlineData("ZW", RegimeStatus.InForceFixedClock)]
    [InlineData("MU", RegimeStatus.InForceFixedClock)]
    [InlineData("RS", RegimeStatus.InForceFixedClock)]
    [InlineData("GE", RegimeStatus.InForceFixedClock)]
    [InlineData("MX", RegimeStatus.InForceNoFixedClock)]
    [InlineData("IL", RegimeStatus.InForceNoFixedClock)]
    [InlineData("GH", RegimeStatus.InForceNoFixedClock)]
    [InlineData("UG", RegimeStatus.InForceNoFixedClock)]
    [InlineData("TZ", RegimeStatus.InForceNoFixedClock)]
    [InlineData("QA", RegimeStatus.InForceNoFixedClock)]
    [InlineData("TW", RegimeStatus.InForceNoFixedClock)]
    [InlineData("BW", RegimeStatus.InForceClockUnverified)]
    [InlineData("LK", RegimeStatus.NotYetOperative)]
    [InlineData("CL", RegimeStatus.NotYetOperative)]
    [InlineData("AE", RegimeStatus.NotYetOperative)]
    [InlineData("AR", RegimeStatus.NoStatutoryDuty)]
    [InlineData("MO", RegimeStatus.NoStatutoryDuty)]
    [InlineData("MA", RegimeStatus.NoStatutoryDuty)]
    [InlineData("TN", RegimeStatus.NoStatutoryDuty)]
    [InlineData("UA", RegimeStatus.NoStatutoryDuty)]
    [InlineData("SN", RegimeStatus.NoStatutoryDuty)]
    [InlineData("CI", RegimeStatus.NoStatutoryDuty)]
    [InlineData("CA-BC", RegimeStatus.NoStatutoryDuty)]
    public void Each_second_wave_jurisdiction_has_the_status_class_of_the_reference(string code, RegimeStatus status)
    {
        var facts = Facts.In(code, 10) with { AwareAt = "2026-11-20T12:00:00+00:00", Attributes = ["commercial-activity"] };
        var regime = facts.Explain().Regimes.First(r => r.Jurisdiction == code);
        Assert.Equal(status, regime.Status);
    }

    public static TheoryData<string> Jurisdictions => new(ReferenceJurisdictions);

    [Fact]
    public void A_subdivision_without_rules_of_its_own_falls_back_to_its_country()
    {
        Assert.Equal("eu-gdpr", Assert.Single(RuleCatalogue.Default.RegimesFor(JurisdictionCode.Parse("FR-IDF"))).Id);
        Assert.Equal("ca-pipeda", Assert.Single(RuleCatalogue.Default.RegimesFor(JurisdictionCode.Parse("CA-ON"))).Id);
        Assert.Equal("ca-qc-law25", Assert.Single(RuleCatalogue.Default.RegimesFor(JurisdictionCode.Parse("CA-QC"))).Id);
    }

    [Fact]
    public void Every_duty_cites_a_source_and_carries_a_verification_tag()
    {
        var duties = RuleCatalogue.Default.Regimes.SelectMany(r => r.Versions).SelectMany(v => v.Duties).ToList();
        Assert.NotEmpty(duties);
        Assert.All(duties, d => Assert.NotEmpty(d.Sources));
        Assert.All(duties.Where(d => d.Verification == Domain.Rules.Assessment.Verification.M),
            d => Assert.Contains("Verify with counsel", d.Reason));
    }

    [Theory]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"Mars/Olympus"}},"versions":[]}]}""", "is not an IANA time zone")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[{"version":"1","effectiveFrom":"2020-01-01","duties":[{"id":"d","recipient":"regulator","when":{"categoriesAny":["shoe-size"]},"reason":"r","sources":["s"],"verification":"V"}]}]}]}""", "'shoe-size' is not one of")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[{"version":"1","effectiveFrom":"2020-01-01","duties":[{"id":"d","recipient":"regulator","deadline":{"anchor":"duty:later","unit":"same-as"},"reason":"r","sources":["s"],"verification":"V"}]}]}]}""", "not an earlier duty")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[{"version":"1","effectiveFrom":"2020-01-01","duties":[{"id":"d","recipient":"regulator","deadline":{"unit":"business-days","amount":3,"calendar":"Atlantis"},"reason":"r","sources":["s"],"verification":"V"}]}]}]}""", "no holiday calendar 'Atlantis'")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[{"version":"1","effectiveFrom":"2020-01-01","duties":[{"id":"d","recipient":"regulator","reason":"r","sources":[],"verification":"V"}]}]}]}""", "at least one source")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[],"typo":1}]}""", "typo")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[{"version":"1","effectiveFrom":"2020-01-01","duties":[{"id":"d","recipient":"individuals","reason":"r","sources":["s"],"verification":"V","prohibitedContent":["The number affected"]}]}]}]}""", "prohibitedContent needs")]
    [InlineData("""{"regimes":[{"id":"x","name":"X","territory":["AQ"],"authorities":{"AQ":{"name":"A","timeZone":"UTC"}},"versions":[{"version":"1","effectiveFrom":"2020-01-01","duties":[{"id":"d","recipient":"individuals","reason":"r","sources":["s"],"verification":"V","notice":{"citation":"c","forbiddenFields":["count"]}}]}]}]}""", "prohibitedContent needs")]
    public void A_catalogue_with_a_mistake_does_not_load_and_says_where(string json, string message)
    {
        var e = Assert.Throws<CatalogueException>(() => RuleCatalogue.Parse([("test.json", json)]));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("test.json", e.Message);
    }
}
