using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Organisations;

// A member's queries are confined to their organisation by a query filter. The filter must reach the database as a
// plain equality on OrganisationId, which the (OrganisationId, ...) indexes serve: written as "scope is null OR
// OrganisationId = scope", EF sends the null test as a parameter, and neither SQLite nor a cached plan can use an
// index for "@p OR ...": every page then read every organisation's rows and threw away all but one.
public sealed class ScopeFilterSqlTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_members_query_reaches_the_database_as_an_equality_on_the_organisation_and_system_work_sees_every_organisation(DatabaseProvider provider)
    {
        await using var db = ComplianceDatabase.CreateContext(await TestDatabases.CreateAsync(provider));

        var filtered = db.Model.GetEntityTypes().Where(e => e.GetDeclaredQueryFilters().Count > 0).ToList();
        Assert.True(filtered.Count >= 15, $"only {filtered.Count} entity types have a query filter");
        foreach (var entity in filtered)
        {
            db.OrganisationScope = Guid.NewGuid();
            var scoped = QueryOf(db, entity.ClrType);
            Assert.Matches("\"OrganisationId\" = @", scoped);
            Assert.DoesNotContain(" OR ", scoped, StringComparison.OrdinalIgnoreCase);
            db.OrganisationScope = null;
            Assert.DoesNotContain("OrganisationId\" =", QueryOf(db, entity.ClrType));
        }
    }

    private static string QueryOf(ComplianceDbContext db, Type entity) =>
        ((IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity).Invoke(db, null)!).ToQueryString();
}
