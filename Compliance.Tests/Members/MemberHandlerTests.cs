using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Compliance.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Members;

// The members page and the 'user add' / 'user remove' verbs call the same handlers: the same checks, the same audit lines.
public sealed class MemberHandlerTests
{
    private static readonly FixedClock Clock = new(Instant.FromUtc(2026, 5, 4, 9, 0));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Adding_a_member_is_checked_allowed_to_admins_only_and_audited(DatabaseProvider provider)
    {
        var (db, org, other) = await TwoOrganisationsAsync(provider);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var add = new AddMember(ctx, Clock);
        var admin = new Actor(Guid.NewGuid(), "admin@rw.example", org, Role.Admin);

        var bad = await add.HandleAsync(admin, new AddMember.Request("not-an-address", null, Role.Viewer, Password: "short"));
        Assert.Equal(OutcomeStatus.Invalid, bad.Status);
        Assert.Equal(["email"], bad.Errors.Keys);
        Assert.Equal(["password"], (await add.HandleAsync(admin, new AddMember.Request("v@rw.example", null, Role.Viewer, Password: "short"))).Errors.Keys);
        Assert.Equal(["role"], (await add.HandleAsync(admin, new AddMember.Request("r@rw.example", null, Role.Responder))).Errors.Keys);
        Assert.Equal(OutcomeStatus.Forbidden, (await add.HandleAsync(admin with { Role = Role.SecurityLead }, new AddMember.Request("v@rw.example", null, Role.Viewer))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await add.HandleAsync(admin with { OrganisationId = Guid.NewGuid() }, new AddMember.Request("v@rw.example", null, Role.Viewer))).Status);

        var added = await add.HandleAsync(admin, new AddMember.Request(" v@rw.example ", "Vera", Role.Viewer));
        Assert.True(added.IsOk);
        Assert.True(added.Value!.NewAccount);
        Assert.Equal(["email"], (await add.HandleAsync(admin, new AddMember.Request("v@rw.example", null, Role.Legal))).Errors.Keys); // already a member
        Assert.True((await add.HandleAsync(admin with { OrganisationId = other }, new AddMember.Request("v@rw.example", null, Role.Legal))).IsOk); // one account, two organisations

        var audit = await ctx.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "member.added").Select(e => new { e.OrganisationId, e.Actor }).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.OrganisationId == org && a.Actor == "admin@rw.example");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Removing_a_member_keeps_the_last_admin_and_is_audited(DatabaseProvider provider)
    {
        var (db, org, other) = await TwoOrganisationsAsync(provider);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var admin = Actor.System(org, "command-line");
        var viewer = (await new AddMember(ctx, Clock).HandleAsync(admin, new AddMember.Request("v@rw.example", null, Role.Viewer))).Value!.User.Id;
        var onlyAdmin = (await new AddMember(ctx, Clock).HandleAsync(admin, new AddMember.Request("a@rw.example", null, Role.Admin))).Value!.User.Id;
        var remove = new RemoveMember(ctx, Clock);

        Assert.Equal(OutcomeStatus.Forbidden, (await remove.HandleAsync(admin with { Role = Role.Legal }, new RemoveMember.Request(viewer))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await remove.HandleAsync(admin with { OrganisationId = other }, new RemoveMember.Request(viewer))).Status);
        var last = await remove.HandleAsync(admin, new RemoveMember.Request(onlyAdmin));
        Assert.Equal(OutcomeStatus.Invalid, last.Status);
        Assert.Equal(["userId"], last.Errors.Keys);

        Assert.Equal(1, (await remove.HandleAsync(admin, new RemoveMember.Request(viewer))).Value);
        Assert.False(await ctx.Members.AnyAsync(m => m.UserId == viewer));
        Assert.Single(await ctx.AuditEntries.Where(e => e.OrganisationId == org && e.Action == "member.removed").ToListAsync());
    }

    // Two admins, each demoting (or removing) the other at the same moment: each alone would leave one admin, both
    // together none. Whichever saves second must read the first's change and be refused.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_admins_demoting_or_removing_each_other_at_once_leave_the_organisation_an_admin(DatabaseProvider provider)
    {
        var (db, org, _) = await TwoOrganisationsAsync(provider);
        for (var round = 0; round < 12; round++)
        {
            Guid a, b;
            await using (var ctx = ComplianceDatabase.CreateContext(db))
            {
                var founder = new Actor(Guid.NewGuid(), "founder@rw.example", org, Role.Admin);
                a = (await new AddMember(ctx, Clock).HandleAsync(founder, new AddMember.Request($"a{round}@rw.example", null, Role.Admin))).Value!.User.Id;
                b = (await new AddMember(ctx, Clock).HandleAsync(founder, new AddMember.Request($"b{round}@rw.example", null, Role.Admin))).Value!.User.Id;
                // Only these two are admins of the organisation this round.
                await ctx.Members.Where(m => m.OrganisationId == org && m.Role == Role.Admin && m.UserId != a && m.UserId != b).ExecuteDeleteAsync();
            }

            var removing = round % 2 == 1;
            var start = new TaskCompletionSource();
            async Task<OutcomeStatus> ActAsync(Guid by, Guid on)
            {
                await using var ctx = ComplianceDatabase.CreateContext(db);
                var actor = new Actor(by, $"{by}@rw.example", org, Role.Admin);
                await start.Task;
                return removing
                    ? (await new RemoveMember(ctx, Clock).HandleAsync(actor, new RemoveMember.Request(on))).Status
                    : (await new ChangeMemberRole(ctx, Clock).HandleAsync(actor, new ChangeMemberRole.Request(on, Role.Viewer))).Status;
            }
            var both = Task.WhenAll(Task.Run(() => ActAsync(a, b)), Task.Run(() => ActAsync(b, a)));
            start.SetResult();
            var outcomes = await both;

            Assert.Equal([OutcomeStatus.Ok, OutcomeStatus.Invalid], outcomes.Order());
            await using var read = ComplianceDatabase.CreateContext(db);
            Assert.Single(await read.Members.Where(m => m.OrganisationId == org && m.Role == Role.Admin).ToListAsync());
        }
    }

    private static async Task<(DatabaseOptions Db, Guid Org, Guid Other)> TwoOrganisationsAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var (org, other) = (Guid.NewGuid(), Guid.NewGuid());
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(org, "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []));
        ctx.Organisations.Add(new Organisation(other, "Other NGO", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []));
        await ctx.SaveChangesAsync();
        return (db, org, other);
    }
}
