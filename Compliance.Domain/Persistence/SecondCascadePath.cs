using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Compliance.Domain.Persistence;

/// <summary>
/// The delete behaviour of a foreign key that is a second cascade path from the incident to one table (incident ->
/// task -> evidence beside incident -> duty -> evidence; incident -> person -> recipient beside incident -> campaign ->
/// recipient). SQL Server refuses two cascade paths to one table, so there the key cascades in the client only.
/// People and tasks are never deleted one by one.
/// </summary>
internal static class SecondCascadePath
{
    public static DeleteBehavior On(DatabaseFacade database) =>
        database.IsSqlServer() ? DeleteBehavior.ClientCascade : DeleteBehavior.Cascade;
}
