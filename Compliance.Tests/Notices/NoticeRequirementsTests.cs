using Compliance.Domain.Obligations;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Notices;
using NodaTime;

namespace Compliance.Tests.Notices;

// What a notice must and must not say is catalogue data; an incident's notices go by what its stored duty kept.
public sealed class NoticeRequirementsTests
{
    private static Obligation StoredMassachusettsDuty(NoticeRules? rules) =>
        new Obligation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "US-MA", Recipient.Individuals, "Massachusetts residents", "initial", true,
                null, null, null, "America/New_York", "us-ma-individuals", "2020-01-01", "Notify residents.", ["M.G.L. c.93H §3"], "S", Instant.FromUtc(2026, 1, 1, 0, 0))
            .WithTerms(new DutyTerms("Massachusetts", [], [], rules));

    [Fact]
    public void Massachusetts_forbids_stating_the_nature_and_the_count_as_the_catalogue_says()
    {
        var live = NoticeRequirements.For("US-MA");
        Assert.Equal("M.G.L. c.93H §3", live.Source);
        Assert.Equal(["nature", "count"], live.ForbiddenFields);
    }

    [Fact]
    public void An_incident_s_notice_is_checked_against_the_rules_its_stored_duty_kept_not_today_s_catalogue()
    {
        var kept = new NoticeRules("M.G.L. c.93H §3 (as stored)", ["contact"], ["police report"], ["count"]);
        var requirements = NoticeRequirements.For("US-MA", [StoredMassachusettsDuty(kept)]);
        Assert.Equal("M.G.L. c.93H §3 (as stored)", requirements.Source);
        Assert.Equal(["count"], requirements.ForbiddenFields);
    }

    [Fact]
    public void A_province_without_its_own_rules_takes_its_country_s_and_a_place_with_none_gets_GDPR_s_four_items()
    {
        Assert.Equal("PIPEDA Regulations s.3", NoticeRequirements.For("CA-QC").Source);
        Assert.Equal(["nature", "contact", "consequences", "measures"], NoticeRequirements.For("HK").RequiredFields);
    }
}
