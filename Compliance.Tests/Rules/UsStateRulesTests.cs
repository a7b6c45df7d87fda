using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Rules.Us;
using NodaTime;

namespace Compliance.Tests.Rules;

/// <summary>
/// The US state catalogue (us-states.json) against the law reference §21: who is notified, from which
/// number of residents, and by when. Dates are worked out by hand in the comments beside each case.
/// </summary>
public class UsStateRulesTests
{
    private static readonly string[] States =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
    ];

    private static IEnumerable<Regime> UsRegimes() =>
        States.Select(s => Assert.Single(RuleCatalogue.Default.Regimes, r => r.Id == "us-" + s.ToLowerInvariant()));

    private static DutyRule Duty(string regimeId, string version, string dutyId) =>
        Assert.Single(RuleCatalogue.Default.Regimes.Single(r => r.Id == regimeId).Versions.Single(v => v.Version == version).Duties, d => d.Id == dutyId);

    private static bool IsStateRule(AssessedObligation o) =>
        States.Any(s => o.RuleId.StartsWith("us-" + s.ToLowerInvariant() + "-", StringComparison.Ordinal));

    // ---------------------------------------------------------------- the catalogue itself

    [Fact]
    public void Every_state_DC_and_Puerto_Rico_has_one_regime_that_counts_residents_only_and_has_duties()
    {
        Assert.Equal(52, States.Distinct().Count());
        foreach (var regime in UsRegimes())
        {
            Assert.False(regime.AppliesByEstablishment, regime.Id);
            Assert.Null(regime.NoStatutoryDuty);
            Assert.NotEmpty(regime.Versions);
            Assert.All(regime.Versions, v => Assert.NotEmpty(v.Duties));
            Assert.All(regime.Versions, v => Assert.Single(v.Duties, d => d.Recipient == Recipient.Individuals));
            Assert.All(regime.Versions.SelectMany(v => v.Duties), d => Assert.NotEmpty(d.Sources));
        }
    }

    [Fact]
    public void Each_regime_covers_its_own_code_and_Puerto_Rico_also_covers_PR()
    {
        foreach (var state in States.Where(s => s != "PR"))
            Assert.Equal(["US-" + state], RuleCatalogue.Default.Regimes.Single(r => r.Id == "us-" + state.ToLowerInvariant()).Territory.ToArray());
        var pr = RuleCatalogue.Default.Regimes.Single(r => r.Id == "us-pr");
        Assert.Equal(["PR", "US-PR"], pr.Territory.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("us-tx", "America/Chicago")]
    [InlineData("us-il", "America/Chicago")]
    [InlineData("us-ca", "America/Los_Angeles")]
    [InlineData("us-wa", "America/Los_Angeles")]
    [InlineData("us-ny", "America/New_York")]
    [InlineData("us-ma", "America/New_York")]
    [InlineData("us-fl", "America/New_York")]
    [InlineData("us-co", "America/Denver")]
    [InlineData("us-hi", "Pacific/Honolulu")]
    [InlineData("us-pr", "America/Puerto_Rico")]
    public void Each_clock_ends_in_the_zone_of_the_regulator_seat(string regimeId, string zone)
    {
        var regime = RuleCatalogue.Default.Regimes.Single(r => r.Id == regimeId);
        Assert.All(regime.Authorities.Values, a => Assert.Equal(zone, a.Zone.Id));
    }

    [Fact]
    public void Unverified_rules_tell_the_user_to_check_with_counsel()
    {
        var stateDuties = UsRegimes().SelectMany(r => r.Versions).SelectMany(v => v.Duties).ToList();
        Assert.All(stateDuties.Where(d => d.Verification == Verification.M), d => Assert.Contains("Verify with counsel", d.Reason, StringComparison.Ordinal));
        Assert.Equal(Verification.M, Duty("us-ny", "2025-03-21", "us-ny-state-police").Verification);
        Assert.Equal(Verification.V, Duty("us-tx", "2023-09-01", "us-tx-ag").Verification);
        Assert.Equal(Verification.M, Duty("us-tx", "2020-01-01", "us-tx-ag").Verification);
    }

    // ---------------------------------------------------------------- data-element triggers

    [Fact]
    public void A_supporter_record_of_name_email_phone_and_address_triggers_no_US_state()
    {
        var everywhere = States.Select(s => (s == "PR" ? "US-PR" : "US-" + s, 20_000)).ToArray();
        var incident = new UsIncident { Categories = ["name", "email", "phone", "postal-address", "donation-history"], Affected = everywhere };

        Assert.DoesNotContain(incident.Assess(), IsStateRule);
    }

    [Fact]
    public void Names_with_Social_Security_numbers_reach_all_52_regimes_once_each()
    {
        var everywhere = States.Select(s => (s == "PR" ? "US-PR" : "US-" + s, 20_000)).ToArray();

        var individuals = new UsIncident { Affected = everywhere }.Assess().Where(o => o.Recipient == Recipient.Individuals && IsStateRule(o)).ToList();

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

    // ---------------------------------------------------------------- Texas

    [Fact]
    public void Texas_250_residents_oblige_notice_to_the_Attorney_General_30_days_after_determination()
    {
        // Determined Tue 10 March 2026 (CDT); day 30 is Thu 9 April 2026, a working day: no roll-forward.
        var ag = UsIncident.In("US-TX", 250).Assess().Rule("us-tx-ag");

        Assert.Equal(Recipient.Regulator, ag.Recipient);
        Assert.Equal("Texas Attorney General", ag.Authority);
        Assert.Equal("2026-04-09T23:59:59-05:00", ag.DeadlineText());
        Assert.Null(ag.LatestDeadline);
        Assert.Equal("America/Chicago", ag.TimeZone.Id);
        Assert.Equal("2023-09-01", ag.RuleVersion);
    }

    [Fact]
    public void Texas_249_residents_oblige_no_Attorney_General_notice_but_still_individual_notice()
    {
        Assert.Equal(["us-tx-individuals"], UsIncident.In("US-TX", 249).Assess().RuleIds());
    }

    [Fact]
    public void Texas_individual_notice_on_a_Saturday_may_legally_run_to_Monday()
    {
        // 10 March 2026 + 60 days = Saturday 9 May 2026; Gov't Code §311.014(b) moves it to Monday 11 May.
        var individuals = UsIncident.In("US-TX", 10).Assess().Rule("us-tx-individuals");

        Assert.Equal("2026-05-09T23:59:59-05:00", individuals.DeadlineText());
        Assert.Equal("2026-05-11T23:59:59-05:00", individuals.LatestText());
    }

    [Fact]
    public void Texas_Attorney_General_deadline_on_San_Jacinto_Day_rolls_to_the_next_day()
    {
        // Determined Sun 22 March 2026; day 30 is Tue 21 April, San Jacinto Day (Gov't Code §662.003(b)).
        var ag = (UsIncident.In("US-TX", 400) with { DeterminedAt = "2026-03-22T08:00:00-05:00" }).Assess().Rule("us-tx-ag");

        Assert.Equal("2026-04-21T23:59:59-05:00", ag.DeadlineText());
        Assert.Equal("2026-04-22T23:59:59-05:00", ag.LatestText());
    }

    [Fact]
    public void Thirty_days_across_the_November_clock_change_still_end_at_23_59_59_Central_Standard_Time()
    {
        // Determined 20 October 2026 23:30 CDT (-05:00); clocks fall back on 1 November. Day 30 is 19 November,
        // which ends at 23:59:59 CST (-06:00). Wall-clock "+30 × 24 h" or keeping the start offset gives the wrong instant.
        var ag = (UsIncident.In("US-TX", 300) with { DeterminedAt = "2026-10-20T23:30:00-05:00" }).Assess().Rule("us-tx-ag");

        Assert.Equal("2026-11-19T23:59:59-06:00", ag.DeadlineText());
        Assert.Equal(UsIncident.Instant("2026-11-20T05:59:59Z"), ag.Deadline);   // not 04:59:59Z, the start's offset kept
    }

    [Fact]
    public void Texas_before_SB_768_gave_the_Attorney_General_60_days_as_an_unverified_rule()
    {
        // Determined 1 August 2023, before SB 768 (1 September 2023): 60 days, to Sat 30 September, latest Mon 2 October.
        var ag = (UsIncident.In("US-TX", 300) with { DeterminedAt = "2023-08-01T09:00:00-05:00" }).Assess().Rule("us-tx-ag");

        Assert.Equal("2020-01-01", ag.RuleVersion);
        Assert.Equal("2023-09-30T23:59:59-05:00", ag.DeadlineText());
        Assert.Equal("2023-10-02T23:59:59-05:00", ag.LatestText());
        Assert.Equal(Verification.M, ag.Verification);
    }

    [Fact]
    public void Texas_consumer_reporting_agencies_are_notified_above_10000()
    {
        Assert.DoesNotContain(UsIncident.In("US-TX", 10_000).Assess(), o => o.RuleId == "us-tx-cra");
        var cra = UsIncident.In("US-TX", 10_001).Assess().Rule("us-tx-cra");
        Assert.Equal(Recipient.ConsumerReportingAgencies, cra.Recipient);
        Assert.Null(cra.Deadline);
    }

    [Fact]
    public void The_JSON_contract_gives_the_Texas_deadlines_with_their_Chicago_offset()
    {
        var parsed = AssessmentRequestParser.Parse("""
            {
              "organisation": { "establishments": [], "timeZone": "America/Chicago", "attributes": [] },
              "awareAt": "2026-03-09T16:00:00-05:00",
              "determinedAt": "2026-03-10T10:00:00-05:00",
              "dataCategories": ["name", "drivers-licence"],
              "affected": [{ "jurisdiction": "US-TX", "count": 1200 }],
              "exfiltration": "confirmed",
              "encryption": "none",
              "cause": "ransomware",
              "riskLevel": "high"
            }
            """);
        Assert.True(parsed.IsValid);

        var json = AssessmentResponseWriter.ToJson(Compliance.Domain.Rules.Engine.RulesEngine.Default.Assess(parsed.Facts!));

        Assert.Contains("\"deadline\": \"2026-04-09T23:59:59-05:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"us-tx-ag\"", json, StringComparison.Ordinal);
        Assert.Contains("\"latestDeadline\": \"2026-05-11T23:59:59-05:00\"", json, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- California

    [Fact]
    public void California_before_2026_has_no_day_count_for_residents_or_the_Attorney_General()
    {
        var obligations = (UsIncident.In("US-CA", 600) with { DeterminedAt = "2025-12-20T10:00:00-08:00" }).Assess();

        var individuals = obligations.Rule("us-ca-individuals");
        Assert.Equal("2020-01-01", individuals.RuleVersion);
        Assert.Null(individuals.Deadline);
        Assert.Null(obligations.Rule("us-ca-ag").Deadline);
    }

    [Fact]
    public void California_from_2026_gives_residents_30_days_and_the_Attorney_General_15_days_after_that()
    {
        // 10 January 2026 + 30 = Mon 9 February 2026 (PST); + 15 = Tue 24 February.
        var obligations = (UsIncident.In("US-CA", 600) with { DeterminedAt = "2026-01-10T10:00:00-08:00" }).Assess();

        var individuals = obligations.Rule("us-ca-individuals");
        Assert.Equal("2026-01-01", individuals.RuleVersion);
        Assert.Equal("2026-02-09T23:59:59-08:00", individuals.DeadlineText());
        Assert.Null(individuals.LatestDeadline);
        Assert.Equal("2026-02-24T23:59:59-08:00", obligations.Rule("us-ca-ag").DeadlineText());
    }

    [Fact]
    public void California_version_follows_the_local_date_in_Los_Angeles_not_UTC()
    {
        // 31 December 2025 20:00 in Los Angeles is already 1 January 2026 in UTC: still the old rule.
        var obligations = (UsIncident.In("US-CA", 10) with { DeterminedAt = "2025-12-31T20:00:00-08:00" }).Assess();

        Assert.Equal("2020-01-01", obligations.Rule("us-ca-individuals").RuleVersion);
    }

    [Fact]
    public void California_Attorney_General_needs_more_than_500_residents()
    {
        var at500 = (UsIncident.In("US-CA", 500) with { DeterminedAt = "2026-01-10T10:00:00-08:00" }).Assess();

        Assert.Equal(["us-ca-individuals"], at500.RuleIds());
    }

    [Fact]
    public void California_30th_day_on_a_Saturday_shows_a_later_legal_limit_on_Monday()
    {
        // 1 January 2026 + 30 = Sat 31 January; the unverified Civ. Code §§10-12a roll-forward gives Mon 2 February.
        var individuals = (UsIncident.In("US-CA", 10) with { DeterminedAt = "2026-01-01T09:00:00-08:00" }).Assess().Rule("us-ca-individuals");

        Assert.Equal("2026-01-31T23:59:59-08:00", individuals.DeadlineText());
        Assert.Equal("2026-02-02T23:59:59-08:00", individuals.LatestText());
    }

    // ---------------------------------------------------------------- New York

    [Fact]
    public void New_York_notifies_the_Attorney_General_the_Department_of_State_and_the_State_Police_for_any_number()
    {
        // 10 March 2026 + 30 = Thu 9 April 2026 (EDT).
        var obligations = (UsIncident.In("US-NY", 1) with { DeterminedAt = "2026-03-10T11:00:00-04:00" }).Assess();

        Assert.Equal(["us-ny-ag", "us-ny-dos", "us-ny-individuals", "us-ny-state-police"], obligations.RuleIds());
        Assert.All(obligations, o => Assert.Equal("2026-04-09T23:59:59-04:00", o.DeadlineText()));
        Assert.Equal("New York State Attorney General", obligations.Rule("us-ny-ag").Authority);
        Assert.Equal("New York Department of State", obligations.Rule("us-ny-dos").Authority);
        var police = obligations.Rule("us-ny-state-police");
        Assert.Equal(Recipient.LawEnforcement, police.Recipient);
        Assert.Equal("New York State Division of State Police", police.Authority);
    }

    [Fact]
    public void New_York_30_day_rule_starts_on_21_December_2024()
    {
        var before = (UsIncident.In("US-NY", 5) with { DeterminedAt = "2024-12-20T12:00:00-05:00" }).Assess().Rule("us-ny-individuals");
        Assert.Equal("2020-01-01", before.RuleVersion);
        Assert.Null(before.Deadline);

        // 21 December 2024 + 30 = Mon 20 January 2025, Martin Luther King Jr. Day: legal limit Tue 21 January.
        var from = (UsIncident.In("US-NY", 5) with { DeterminedAt = "2024-12-21T12:00:00-05:00" }).Assess().Rule("us-ny-individuals");
        Assert.Equal("2024-12-21", from.RuleVersion);
        Assert.Equal("2025-01-20T23:59:59-05:00", from.DeadlineText());
        Assert.Equal("2025-01-21T23:59:59-05:00", from.LatestText());
    }

    [Fact]
    public void New_York_financial_services_regulator_only_for_organisations_it_regulates()
    {
        var incident = UsIncident.In("US-NY", 5);

        Assert.DoesNotContain(incident.Assess(), o => o.RuleId == "us-ny-dfs");
        var dfs = (incident with { Attributes = ["ny-dfs-regulated"] }).Assess().Rule("us-ny-dfs");
        Assert.Equal("New York Department of Financial Services", dfs.Authority);
    }

    [Fact]
    public void New_York_consumer_reporting_agencies_from_5001_residents()
    {
        Assert.DoesNotContain(UsIncident.In("US-NY", 5000).Assess(), o => o.RuleId == "us-ny-cra");
        Assert.Contains(UsIncident.In("US-NY", 5001).Assess(), o => o.RuleId == "us-ny-cra");
    }

    // ---------------------------------------------------------------- regulator clocks tied to the residents' notice

    [Fact]
    public void Illinois_Attorney_General_deadline_is_the_residents_deadline_which_is_open()
    {
        var obligations = UsIncident.In("US-IL", 501).Assess();

        var individuals = obligations.Rule("us-il-individuals");
        var ag = obligations.Rule("us-il-ag");
        Assert.Null(individuals.Deadline);
        Assert.Equal(individuals.Deadline, ag.Deadline);
        Assert.DoesNotContain(UsIncident.In("US-IL", 500).Assess(), o => o.RuleId == "us-il-ag");
    }

    [Fact]
    public void Delaware_Attorney_General_deadline_copies_the_60_day_residents_deadline()
    {
        // 10 March 2026 + 60 = 9 May 2026.
        var obligations = UsIncident.In("US-DE", 501).Assess();

        Assert.Equal("2026-05-09T23:59:59-04:00", obligations.Rule("us-de-individuals").DeadlineText());
        Assert.Equal("2026-05-09T23:59:59-04:00", obligations.Rule("us-de-ag").DeadlineText());
    }

    [Fact]
    public void Iowa_Attorney_General_has_no_deadline_because_the_residents_notice_has_none()
    {
        var ag = UsIncident.In("US-IA", 501).Assess().Rule("us-ia-ag");

        Assert.Null(ag.Deadline);
        Assert.Contains("5 business days", ag.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(UsIncident.In("US-IA", 500).Assess(), o => o.RuleId == "us-ia-ag");
    }

    [Fact]
    public void Louisiana_Attorney_General_gets_10_days_after_the_60_day_residents_deadline()
    {
        // 10 March 2026 + 60 = 9 May; + 10 = 19 May 2026 (CDT).
        var obligations = UsIncident.In("US-LA", 1).Assess();

        Assert.Equal("2026-05-09T23:59:59-05:00", obligations.Rule("us-la-individuals").DeadlineText());
        Assert.Equal("2026-05-19T23:59:59-05:00", obligations.Rule("us-la-ag").DeadlineText());
    }

    [Fact]
    public void Arkansas_Attorney_General_whichever_is_first_uses_the_45_day_limit()
    {
        // 10 March 2026 + 45 = 24 April 2026.
        var obligations = UsIncident.In("US-AR", 1001).Assess();

        Assert.Null(obligations.Rule("us-ar-individuals").Deadline);
        Assert.Equal("2026-04-24T23:59:59-05:00", obligations.Rule("us-ar-ag").DeadlineText());
    }

    [Fact]
    public void Vermont_preliminary_notice_counts_14_business_days_and_skips_Town_Meeting_Day()
    {
        // Determined Wed 25 February 2026. Business days: 26, 27 Feb; 2 Mar; (Tue 3 Mar Town Meeting Day skipped);
        // 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18 Mar: the 14th is Wed 18 March (EDT from 8 March). Without the holiday it would be the 17th.
        var obligations = (UsIncident.In("US-VT", 1) with { DeterminedAt = "2026-02-25T09:00:00-05:00" }).Assess();

        var preliminary = obligations.Rule("us-vt-ag-preliminary");
        Assert.Equal("initial", preliminary.Stage);
        Assert.Equal(Recipient.Regulator, preliminary.Recipient);
        Assert.Equal("2026-03-18T23:59:59-04:00", preliminary.DeadlineText());
        Assert.Equal("2026-04-11T23:59:59-04:00", obligations.Rule("us-vt-individuals").DeadlineText());
    }

    // ---------------------------------------------------------------- Massachusetts, Illinois content

    [Fact]
    public void Massachusetts_notifies_both_the_Attorney_General_and_OCABR_for_any_number_without_a_day_count()
    {
        var regulators = UsIncident.In("US-MA", 1).Assess().Where(o => o.Recipient == Recipient.Regulator).ToList();

        Assert.Equal(["us-ma-ag", "us-ma-ocabr"], regulators.RuleIds());
        Assert.Equal("Massachusetts Attorney General", regulators.Rule("us-ma-ag").Authority);
        Assert.Equal("Office of Consumer Affairs and Business Regulation (OCABR)", regulators.Rule("us-ma-ocabr").Authority);
        Assert.All(regulators, o => Assert.Null(o.Deadline));
    }

    [Fact]
    public void Massachusetts_residents_notice_must_not_state_the_nature_of_the_breach_or_the_number_affected()
    {
        var duty = Duty("us-ma", "2020-01-01", "us-ma-individuals");

        Assert.Equal(2, duty.ProhibitedContent.Count);
        Assert.Contains(duty.ProhibitedContent, p => p.Contains("nature of the breach", StringComparison.Ordinal));
        Assert.Contains(duty.ProhibitedContent, p => p.Contains("number of Massachusetts residents", StringComparison.Ordinal));
        Assert.Equal(["nature", "count"], duty.Notice!.ForbiddenFields);   // what the notice check enforces
        Assert.Contains(duty.Content, c => c.Contains("18 months", StringComparison.Ordinal));
    }

    [Fact]
    public void Illinois_residents_notice_must_not_include_the_number_of_Illinois_residents()
    {
        var duty = Duty("us-il", "2020-01-01", "us-il-individuals");

        Assert.Equal(["The number of Illinois residents affected"], duty.ProhibitedContent);
        Assert.Equal(["count"], duty.Notice!.ForbiddenFields);   // what the notice check enforces
    }

    [Fact]
    public void Massachusetts_misuse_by_a_malicious_insider_counts_without_exfiltration()
    {
        var incident = UsIncident.In("US-MA", 3) with { Exfiltration = Exfiltration.NotFound };

        Assert.Empty(incident.Assess());
        var misuse = new UsIncident { Affected = [("US-MA", 3)], Exfiltration = Exfiltration.NotFound }.Facts() with { Cause = Cause.InsiderMalicious };
        Assert.Contains(Compliance.Domain.Rules.Engine.RulesEngine.Default.Assess(misuse), o => o.RuleId == "us-ma-individuals");
    }

    // ---------------------------------------------------------------- risk of harm

    [Fact]
    public void Washington_needs_a_risk_of_harm()
    {
        var incident = UsIncident.In("US-WA", 501);

        Assert.Empty((incident with { Risk = RiskLevel.Unlikely }).Assess());
        var obligations = (incident with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal(["us-wa-ag", "us-wa-cra", "us-wa-individuals"], obligations.RuleIds());
        Assert.Equal("2026-04-09T23:59:59-07:00", obligations.Rule("us-wa-ag").DeadlineText());
    }

    [Fact]
    public void Alaska_without_likely_harm_files_a_written_determination_with_the_Attorney_General_instead_of_notifying()
    {
        var unlikely = (UsIncident.In("US-AK", 2000) with { Risk = RiskLevel.Unlikely }).Assess();
        Assert.Equal(["us-ak-ag-determination"], unlikely.RuleIds());
        Assert.Equal(Verification.M, unlikely[0].Verification);

        var likely = (UsIncident.In("US-AK", 2000) with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal(["us-ak-cra", "us-ak-individuals"], likely.RuleIds());
    }

    [Fact]
    public void Florida_waiver_filing_is_offered_only_when_harm_is_judged_unlikely()
    {
        var high = UsIncident.In("US-FL", 500).Assess();
        Assert.Equal(["us-fl-department", "us-fl-individuals"], high.RuleIds());

        var unlikely = (UsIncident.In("US-FL", 499) with { Risk = RiskLevel.Unlikely }).Assess();
        var waiver = unlikely.Rule("us-fl-no-harm-determination");
        Assert.False(waiver.Mandatory);
        Assert.Contains("2031-03-10", waiver.Reason, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- clock anchors other than determination

    [Fact]
    public void Maine_counts_30_days_from_becoming_aware_not_from_determination()
    {
        // Aware Mon 2 March 2026, determined 9 March: 2 March + 30 = 1 April 2026.
        var incident = UsIncident.In("US-ME", 1) with { AwareAt = "2026-03-02T09:00:00-05:00", DeterminedAt = "2026-03-09T09:00:00-04:00" };

        Assert.Equal("2026-04-01T23:59:59-04:00", incident.Assess().Rule("us-me-individuals").DeadlineText());
    }

    [Fact]
    public void Puerto_Rico_residents_are_found_under_either_code_and_DACO_gets_10_days()
    {
        // 10 March 2026 + 10 = 20 March 2026, 23:59:59 Atlantic Standard Time (no DST).
        foreach (var code in new[] { "US-PR", "PR" })
        {
            var daco = UsIncident.In(code, 1).Assess().Rule("us-pr-daco");
            Assert.Equal(code, daco.Jurisdiction);
            Assert.Equal("2026-03-20T23:59:59-04:00", daco.DeadlineText());
        }
    }

    // ---------------------------------------------------------------- thresholds

    [Theory]
    [InlineData("US-TX", "us-tx-ag", 249, 250)]
    [InlineData("US-CA", "us-ca-ag", 500, 501)]
    [InlineData("US-FL", "us-fl-department", 499, 500)]
    [InlineData("US-FL", "us-fl-cra", 1000, 1001)]
    [InlineData("US-CO", "us-co-ag", 499, 500)]
    [InlineData("US-WA", "us-wa-ag", 500, 501)]
    [InlineData("US-DC", "us-dc-ag", 49, 50)]
    [InlineData("US-ND", "us-nd-ag", 250, 251)]
    [InlineData("US-OR", "us-or-ag", 250, 251)]
    [InlineData("US-SD", "us-sd-ag", 250, 251)]
    [InlineData("US-OK", "us-ok-ag", 499, 500)]
    [InlineData("US-UT", "us-ut-ag", 499, 500)]
    [InlineData("US-UT", "us-ut-cyber-center", 499, 500)]
    [InlineData("US-DE", "us-de-ag", 500, 501)]
    [InlineData("US-RI", "us-ri-cra", 500, 501)]
    [InlineData("US-AL", "us-al-ag", 1000, 1001)]
    [InlineData("US-AZ", "us-az-dhs", 1000, 1001)]
    [InlineData("US-NM", "us-nm-cra", 1000, 1001)]
    [InlineData("US-MN", "us-mn-cra", 500, 501)]
    [InlineData("US-GA", "us-ga-cra", 10_000, 10_001)]
    [InlineData("US-VA", "us-va-ag-over-1000", 1000, 1001)]
    public void A_threshold_duty_starts_exactly_at_its_threshold(string jurisdiction, string ruleId, int below, int at)
    {
        Assert.DoesNotContain(UsIncident.In(jurisdiction, below).Assess(), o => o.RuleId == ruleId);
        Assert.Contains(UsIncident.In(jurisdiction, at).Assess(), o => o.RuleId == ruleId);
    }

    [Theory]
    [InlineData("US-MA", "us-ma-ag")]
    [InlineData("US-CT", "us-ct-ag")]
    [InlineData("US-MD", "us-md-ag")]
    [InlineData("US-VT", "us-vt-ag-preliminary")]
    [InlineData("US-NJ", "us-nj-state-police")]
    [InlineData("US-SD", "us-sd-cra")]
    [InlineData("US-PR", "us-pr-daco")]
    public void A_duty_without_threshold_applies_to_a_single_resident(string jurisdiction, string ruleId)
    {
        Assert.Contains(UsIncident.In(jurisdiction, 1).Assess(), o => o.RuleId == ruleId);
    }

    [Theory]
    [InlineData("US-AL", 45)]
    [InlineData("US-AZ", 45)]
    [InlineData("US-CT", 60)]
    [InlineData("US-DE", 60)]
    [InlineData("US-IN", 45)]
    [InlineData("US-MD", 45)]
    [InlineData("US-NM", 45)]
    [InlineData("US-OH", 45)]
    [InlineData("US-OR", 45)]
    [InlineData("US-RI", 45)]
    [InlineData("US-SD", 60)]
    [InlineData("US-TN", 45)]
    [InlineData("US-VT", 45)]
    [InlineData("US-CO", 30)]
    [InlineData("US-FL", 30)]
    [InlineData("US-WA", 30)]
    public void Individual_deadlines_count_whole_days_after_determination(string jurisdiction, int days)
    {
        var individuals = UsIncident.In(jurisdiction, 1).Assess().Single(o => o.Recipient == Recipient.Individuals);

        var expected = new LocalDate(2026, 3, 10).PlusDays(days);
        var local = individuals.Deadline!.Value.InZone(individuals.TimeZone).LocalDateTime;
        Assert.Equal(expected.At(new LocalTime(23, 59, 59)), local);
    }

    [Theory]
    [InlineData("US-GA")]
    [InlineData("US-MA")]
    [InlineData("US-IL")]
    [InlineData("US-MS")]
    [InlineData("US-WY")]
    [InlineData("US-KY")]
    [InlineData("US-NJ")]
    [InlineData("US-PA")]
    public void As_soon_as_practicable_states_give_no_individual_deadline(string jurisdiction)
    {
        var individuals = UsIncident.In(jurisdiction, 1).Assess().Single(o => o.Recipient == Recipient.Individuals);

        Assert.Null(individuals.Deadline);
    }
}
