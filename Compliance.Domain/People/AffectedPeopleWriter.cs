using System.Data.Common;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Compliance.Domain.People;

/// <summary>
/// Writes imported people in bulk inside the caller's transaction, each provider its fastest way
/// (<see cref="IPeopleBulkWriter"/>). A million rows through EF's change tracker took a minute; this is the import's
/// hot path. Values are written exactly as EF writes them (<see cref="RawSqlValue"/>).
/// </summary>
internal static class AffectedPeopleWriter
{
    public static readonly string[] Columns =
        ["Id", "OrganisationId", "IncidentId", "ImportId", "Line", "Jurisdiction", "Language", "EmailLookup", "ProtectedDetails", "DoNotEmail", "CreatedAt"];

    /// <summary>One person's values in <see cref="Columns"/> order.</summary>
    public static object?[] Values(AffectedPerson p) =>
        [p.Id, p.OrganisationId, p.IncidentId, p.ImportId, p.Line, p.Jurisdiction, p.Language, p.EmailLookup, p.ProtectedDetails, p.DoNotEmail, p.CreatedAt];

    public static Task<int> WriteAsync(ComplianceDbContext db, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the import's transaction.");
        return For(RawSqlValue.ProviderOf(db.Database)).WriteAsync(connection, transaction, people, ct);
    }

    public static IPeopleBulkWriter For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresPeopleCopy(),
        DatabaseProvider.SqlServer => new SqlServerPeopleBulkCopy(),
        _ => new SqlitePeopleInsert(),
    };
}

/// <summary>One way to write many imported people inside an open transaction.</summary>
internal interface IPeopleBulkWriter
{
    Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<AffectedPerson> people, CancellationToken ct);
}
