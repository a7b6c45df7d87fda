using System.Diagnostics;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Bench;

/// <summary>What <c>bench notices</c> reads around the campaign it times: the demo's people, the server, the recipients' states.</summary>
internal static class NoticeBenchReads
{
    internal static async Task<(Actor Legal, Actor Lead, Guid IncidentId)> DemoActorsAsync(DatabaseOptions database)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        async Task<Actor> ActorAsync(string email)
        {
            var normalized = email.ToUpperInvariant();
            var member = await (from m in db.Members
                                join u in db.Users on m.UserId equals u.Id
                                where u.NormalizedEmail == normalized && m.OrganisationId == DemoSeeder.OrganisationId
                                select m).SingleAsync();
            return new Actor(member.UserId, email, member.OrganisationId, member.Role);
        }
        var incidentId = await db.Incidents.Where(i => i.OrganisationId == DemoSeeder.OrganisationId && i.Reference == "INC-2019-001").Select(i => i.Id).SingleAsync();
        return (await ActorAsync(NoticeBenchCommand.LegalEmail), await ActorAsync(NoticeBenchCommand.LeadEmail), incidentId);
    }

    internal static async Task<string> ServerVersionAsync(DatabaseOptions database)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return connection.ServerVersion;
    }

    internal static async Task<int> CountRecipientsAsync(DatabaseOptions database, Guid campaignId)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        return await db.CampaignRecipients.CountAsync(r => r.CampaignId == campaignId);
    }

    internal static async Task<Dictionary<(RecipientState State, bool Confirmed), int>> StatesAsync(DatabaseOptions database, Guid campaignId)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        var rows = await db.CampaignRecipients.Where(r => r.CampaignId == campaignId).GroupBy(r => new { r.State, r.Confirmed })
            .Select(g => new { g.Key.State, g.Key.Confirmed, Count = g.Count() }).ToListAsync();
        return rows.ToDictionary(r => (r.State, r.Confirmed), r => r.Count);
    }

    // What NoticeComposer.ComposeAsync does for each person, without the database and the decryption: one render of a
    // notice per template the campaign uses, a thousand times over.
    internal static async Task<double> RenderMicrosecondsAsync(DatabaseOptions database, Guid campaignId, IClock clock)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        var fields = NoticeFields.Thaw(await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Fields).SingleAsync());
        var groups = await db.CampaignRecipients.Where(r => r.CampaignId == campaignId).Select(r => new { r.Jurisdiction, r.Language }).Distinct().ToListAsync();
        var date = clock.GetCurrentInstant().InUtc().Date;
        const int renders = 1000;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < renders; i++)
        {
            var g = groups[i % groups.Count];
            NoticeTemplates.Default.Render(g.Jurisdiction, g.Language, NoticeFields.ForPerson(fields, $"Person {i}", date));
        }
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / renders;
    }
}
