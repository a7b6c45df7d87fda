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
