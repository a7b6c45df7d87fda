using System.Text;
using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.People;
using Compliance.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Tests.People;

public sealed class UploadCleanupTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_upload_left_unimported_is_deleted_once_it_expires_and_the_deletion_is_audited(DatabaseProvider provider)
    {
        var (db, org, clock, folder) = await SetUpAsync(provider);
        var uploads = new PeopleUploads(new EphemeralDataProtectionProvider(), () => ComplianceDatabase.CreateContext(db), folder, clock);
        var legal = new Actor(Guid.NewGuid(), "legal@rw.example", org.Id, Role.Legal);
        var incidentId = Guid.NewGuid();
        var cleanup = new UploadCleanup(folder, () => ComplianceDatabase.CreateContext(db), clock, NullLogger<UploadCleanup>.Instance);

        var forgotten = await uploads.SaveAsync(legal, incidentId, new MemoryStream(Encoding.UTF8.GetBytes("name,country\nAda,IE\n")), default);
        clock.Advance(Duration.FromHours(20));
        var recent = await uploads.SaveAsync(legal, incidentId, new MemoryStream(Encoding.UTF8.GetBytes("name,country\nBo,IE\n")), default);

        clock.Advance(Duration.FromHours(3)); // 23 h after the first: nothing has expired yet
        Assert.Equal(0, (await cleanup.RunAsync()).Files);
        Assert.NotNull(await uploads.ReadAsync(legal, incidentId, forgotten, default));

        clock.Advance(Duration.FromHours(1)); // 24 h after the first
        var result = await cleanup.RunAsync();

        Assert.Equal(1, result.Files);
        Assert.Null(await uploads.ReadAsync(legal, incidentId, forgotten, default));
        Assert.NotNull(await uploads.ReadAsync(legal, incidentId, recent, default));
        await using var read = ComplianceDatabase.CreateContext(db);
        var line = await read.AuditEntries.SingleAsync(e => e.OrganisationId == org.Id && e.Action == "people.uploads-expired");
        Assert.Equal("scheduler", line.Actor);
        Assert.Equal(1, JsonDocument.Parse(line.Data).RootElement.GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task A_file_an_earlier_version_left_in_the_data_folder_is_still_continued_and_cleaned_with_the_rows()
    {
        var (db, org, clock, folder) = await SetUpAsync(DatabaseProvider.Sqlite);
        var keys = new EphemeralDataProtectionProvider();
        var uploads = new PeopleUploads(keys, () => ComplianceDatabase.CreateContext(db), folder, clock);
        var legal = new Actor(Guid.NewGuid(), "legal@rw.example", org.Id, Role.Legal);
        var incidentId = Guid.NewGuid();

        // What an earlier version wrote: the encrypted file under the organisation's folder, its write time the app's clock.
        var old = Guid.NewGuid();
        var path = folder.PathOf(org.Id, old);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var protector = keys.CreateProtector("Compliance.People.Upload.v1", org.Id.ToString(), legal.UserId.ToString(), incidentId.ToString());
        await File.WriteAllBytesAsync(path, protector.Protect(Encoding.UTF8.GetBytes("name,country\nAda,IE\n")));
        File.SetLastWriteTimeUtc(path, clock.Now.ToDateTimeUtc());
        var row = await uploads.SaveAsync(legal, incidentId, new MemoryStream(Encoding.UTF8.GetBytes("name,country\nBo,IE\n")), default);

        Assert.Equal("name,country\nAda,IE\n", Encoding.UTF8.GetString((await uploads.ReadAsync(legal, incidentId, old, default))!));
        Assert.Empty(Directory.GetFiles(folder.Root, "*", SearchOption.AllDirectories).Except([path])); // the new upload is a row

        clock.Advance(Duration.FromHours(24));
        var result = await new UploadCleanup(folder, () => ComplianceDatabase.CreateContext(db), clock, NullLogger<UploadCleanup>.Instance).RunAsync();

        Assert.Equal(2, result.Files);
        Assert.False(File.Exists(path));
        Assert.Null(await uploads.ReadAsync(legal, incidentId, row, default));
        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal(0, await read.PendingUploads.CountAsync());
        var line = await read.AuditEntries.SingleAsync(e => e.OrganisationId == org.Id && e.Action == "people.uploads-expired");
        Assert.Equal(2, JsonDocument.Parse(line.Data).RootElement.GetProperty("files").GetInt32());
    }

    /// <summary>A migrated database with one organisation, the clock at a Sunday morning, and an empty data folder of its own.</summary>
    private static async Task<(DatabaseOptions Db, Organisation Org, FixedClock Clock, UploadFolder Folder)> SetUpAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var org = new Organisation(Guid.NewGuid(), "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            ctx.Organisations.Add(org);
            await ctx.SaveChangesAsync();
        }
        var clock = FixedClock.At("2026-11-22T08:00:00Z");
        var folder = new UploadFolder(Path.Combine(Path.GetTempPath(), "compliance-tests", "uploads-" + Guid.NewGuid().ToString("N")), Duration.FromHours(24));
        return (db, org, clock, folder);
    }
}
