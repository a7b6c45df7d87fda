using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Reminders;

// A pass re-plans only the organisations whose members, duties or zones changed; what changed is marked in the save
// that changed it, whatever code made the change.
public sealed partial class ReminderSweepTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_pass_re_plans_an_organisation_only_after_its_members_or_their_zones_changed(DatabaseProvider provider)
    {
        var w = await KenyanIncidentAsync(provider);
        using var sink = new SmtpSink();

        Assert.Equal(1, (await Sweep(w, sink).RunAsync()).Replanned);   // the incident was logged
        Assert.Equal(0, (await Sweep(w, sink).RunAsync()).Replanned);   // nothing changed since

        await using (var ctx = ComplianceDatabase.CreateContext(w.Db))
        {
            AddMember(ctx, w.OrgId, "newlead@haki.example", Role.SecurityLead, w.Clock.Now);
            await ctx.SaveChangesAsync();
        }
        var pass = await Sweep(w, sink).RunAsync();
        Assert.Equal(1, pass.Replanned);
        Assert.True(pass.Planned > 0);
        var newLead = await UserIdAsync(w, "newlead@haki.example");
        Assert.Contains(await RemindersAsync(w), r => r.UserId == newLead && r.State == ReminderState.Pending);
        Assert.Equal(0, (await Sweep(w, sink).RunAsync()).Replanned);

        // The admin moves to another zone: their daily escalations fall at 08:00 in the new one.
        await using (var ctx = ComplianceDatabase.CreateContext(w.Db))
        {
            var admin = await ctx.Users.SingleAsync(u => u.Email == "admin@haki.example");
            admin.TimeZone = "America/Lima";
            await ctx.SaveChangesAsync();
        }
        Assert.Equal(1, (await Sweep(w, sink).RunAsync()).Replanned);
        var adminId = await UserIdAsync(w, "admin@haki.example");
        var escalation = Assert.Single(await RemindersAsync(w), r => r.UserId == adminId && r.Kind == ReminderKind.Overdue && r.State == ReminderState.Pending);
        Assert.Equal(new LocalTime(8, 0), escalation.DueAt.InZone(DateTimeZoneProviders.Tzdb["America/Lima"]).TimeOfDay);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_duty_closed_by_any_code_path_gets_no_reminder_after_it(DatabaseProvider provider)
    {
        var w = await KenyanIncidentAsync(provider);
        using var sink = new SmtpSink();
        await Sweep(w, sink).RunAsync();

        // Filed by a path that does not re-plan reminders itself (as a campaign or an import could).
        await using (var ctx = ComplianceDatabase.CreateContext(w.Db))
        {
            var duty = await ctx.Obligations.IgnoreQueryFilters().SingleAsync(o => o.IncidentId == w.IncidentId && o.Status == Domain.Obligations.ObligationStatus.Open && o.Recipient == Recipient.Regulator);
            duty.RecordFiling(w.Clock.Now, "legal@haki.example", "ODPC-2026-0042");
            await ctx.SaveChangesAsync();
        }
        w.Clock.Now = Aware + Duration.FromDays(4);   // every reminder of the duty would be due by now

        var pass = await Sweep(w, sink).RunAsync();

        Assert.Equal(0, pass.Sent);
        Assert.Empty(sink.Messages());
        Assert.DoesNotContain(await RemindersAsync(w), r => r.State == ReminderState.Pending);
    }

    private static async Task<Guid> UserIdAsync(World w, string email)
    {
        await using var ctx = ComplianceDatabase.CreateContext(w.Db);
        return await ctx.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
