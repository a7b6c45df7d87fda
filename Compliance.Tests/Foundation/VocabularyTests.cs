using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Foundation;

// The ids are a contract other tools rely on (design.md): these lists are copied from the document, not from the code.
public sealed class VocabularyTests
{
    [Fact]
    public void Data_category_ids_are_exactly_those_of_the_design()
    {
        string[] design = ["name", "email", "phone", "postal-address", "date-of-birth", "national-id", "passport", "drivers-licence",
            "financial-account", "payment-card", "credentials", "health", "biometric", "genetic", "racial-ethnic-origin",
            "political-opinion", "religious-belief", "trade-union-membership", "sex-life-orientation", "criminal-record",
            "location", "donation-history", "children", "other"];
        Assert.Equal(design.Order(), KebabCase<DataCategory>.Ids.Order());
    }

    [Fact]
    public void Cause_recipient_and_fact_ids_are_exactly_those_of_the_design()
    {
        Assert.Equal(new[] { "external-attack", "ransomware", "phishing", "malware", "insider-malicious", "insider-error",
            "lost-or-stolen-device", "misdirected", "misconfiguration", "other" }.Order(), KebabCase<Cause>.Ids.Order());
        Assert.Equal(new[] { "regulator", "individuals", "consumer-reporting-agencies", "law-enforcement", "record", "other" }.Order(),
            KebabCase<Recipient>.Ids.Order());
        Assert.Equal(new[] { "confirmed", "suspected", "not-found" }.Order(), KebabCase<Exfiltration>.Ids.Order());
        Assert.Equal(new[] { "none", "encrypted", "encrypted-key-compromised" }.Order(), KebabCase<Encryption>.Ids.Order());
        Assert.Equal(new[] { "unlikely", "risk", "high" }.Order(), KebabCase<RiskLevel>.Ids.Order());
    }

    [Theory]
    [InlineData("IE", true)]
    [InlineData("US-TX", true)]
    [InlineData("CA-QC", true)]
    [InlineData("AU-NSW", true)]
    [InlineData("ie", false)]
    [InlineData("IRL", false)]
    [InlineData("US-", false)]
    [InlineData("", false)]
    public void Jurisdiction_codes_are_ISO_3166_shaped(string text, bool valid) =>
        Assert.Equal(valid, JurisdictionCode.TryParse(text, out _));

    [Fact]
    public void A_subdivision_knows_its_country()
    {
        var code = JurisdictionCode.Parse("DE-BE");
        Assert.True(code.IsSubdivision);
        Assert.Equal("DE", code.Country);
    }
}
