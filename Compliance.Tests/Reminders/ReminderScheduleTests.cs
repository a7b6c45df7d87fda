using Compliance.Domain.Obligations;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeZone Dublin = DateTimeZoneProviders.Tzdb["Europe/Dublin"];
    private static readonly Guid Lead = Guid.NewGuid(), Admin = Guid.NewGuid();
    private static readonly ReminderSchedule.Recipient[] People =
        [new(Lead, Role.SecurityLead, Dublin), new(Admin, Role.Admin, Dublin)];

    private static Obligation Duty(Instant created, Instant? deadline) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "IE", Recipient.Regulator, "Data Protection Commission", "initial", true,
            deadline, null, null, "Europe/Dublin", "eu-gdpr-art33", "2018-05-25", "72 hours", ["https://eur-lex.europa.eu"], "V", created);

    [Fact]
    public void A_GDPR_72_hour_duty_from_a_Friday_before_the_clock_change_gets_the_default_plan()
    {
        // Aware Friday 24 Oct 2025 10:00 IST; Ireland leaves summer time on Sunday the 26th.
        var created = Instant.FromUtc(2025, 10, 24, 9, 0);
        var deadline = created + Duration.FromHours(72);                     // Monday 27 Oct 09:00 GMT
        var plan = ReminderSchedule.For(Duty(created, deadline), People, ReminderPolicy.Default, (_, _) => null).ToList();

        var lead = plan.Where(p => p.UserId == Lead).Select(p => p.DueAt).ToList();
        Assert.Equal(
        [
            created + Duration.FromHours(36),           // half-way
            deadline - Duration.FromHours(24),
            deadline - Duration.FromHours(4),
            deadline - Duration.FromHours(1),
            deadline,
        ], lead);
        // Escalation to the admin: 08:00 Dublin time the next morning, which is GMT by then.
        var escalation = Assert.Single(plan, p => p.UserId == Admin);
        Assert.Equal(ReminderKind.Overdue, escalation.Kind);
        Assert.Equal(Instant.FromUtc(2025, 10, 28, 8, 0), escalation.DueAt);
    }

    [Fact]
    public void Reminders_before_the_duty_existed_are_not_planned_but_the_deadline_one_is()
    {
        var created = Instant.FromUtc(2025, 6, 1, 12, 0);
        var plan = ReminderSchedule.For(Duty(created, created + Duration.FromHours(3)), People, ReminderPolicy.Default, (_, _) => null)
            .Where(p => p.UserId == Lead).Select(p => p.Label).ToList();
        Assert.Equal(["half-way to the deadline", "1 hour before the deadline", "at the deadline"], plan);
    }

    [Fact]
    public void Daily_reminders_stay_at_8_in_the_morning_local_time_across_the_clock_change()
    {
        var created = Instant.FromUtc(2025, 10, 24, 9, 0);
        var duty = Duty(created, null);
        var sent = new List<Instant>();
        for (var day = 0; day < 3; day++)
        {
            var next = Assert.Single(ReminderSchedule.For(duty, People, ReminderPolicy.Default, (u, k) => sent.Count > 0 && u == Lead ? sent[^1] : null), p => p.UserId == Lead);
            Assert.Equal(ReminderKind.Daily, next.Kind);
            sent.Add(next.DueAt);
        }
        Assert.Equal([Instant.FromUtc(2025, 10, 25, 7, 0), Instant.FromUtc(2025, 10, 26, 8, 0), Instant.FromUtc(2025, 10, 27, 8, 0)], sent);
        Assert.All(sent, s => Assert.Equal(new LocalTime(8, 0), s.InZone(Dublin).TimeOfDay));
    }

    [Fact]
    public void A_fulfilled_or_decided_duty_has_no_reminders()
    {
        var duty = Duty(Instant.FromUtc(2025, 6, 1, 12, 0), Instant.FromUtc(2025, 6, 4, 12, 0));
        duty.RecordFiling(Instant.FromUtc(2025, 6, 2, 12, 0), "legal@x", "REF");
        Assert.Empty(ReminderSchedule.For(duty, People, ReminderPolicy.Default, (_, _) => null));
    }

    [Theory]
    [InlineData("half,24h,4h,1h,0h", true, 4)]
    [InlineData("48h,30m", false, 2)]
    [InlineData("", true, 4)]
    public void Policies_are_read_from_text(string text, bool halfWay, int before)
    {
        var policy = ReminderPolicy.Parse(text)!;
        Assert.Equal(halfWay, policy.HalfWay);
        Assert.Equal(before, policy.BeforeDeadline.Count);
    }

    [Fact]
    public void A_malformed_policy_is_refused() => Assert.Null(ReminderPolicy.Parse("tomorrow"));
}
