using System.Globalization;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// A campaign's proof as CSV, one row per recipient with who they are, what happened and the server's reply, written as
/// it is read. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped. The export is audited.
/// </summary>
public sealed class CampaignProofCsv(ComplianceDbContext db, CampaignProgress progress, IPeopleDataProtector protector, IClock clock)
{
    public static readonly string[] Columns =
        ["line", "name", "email", "jurisdiction", "language", "state", "confirmed", "released_utc", "sent_utc", "attempts", "message_id", "template", "server_reply"];

    private const int Page = 1000;

    public async Task<Outcome<CampaignSummary>> HandleAsync(Actor actor, CampaignRef request, Stream output, CancellationToken ct = default)
    {
        var found = await progress.GetAsync(actor, request, ct);
        if (found.IsOk) await WriteAsync(actor, found.Value!, output, ct);
        return found;
    }

    /// <summary>The same for a campaign the actor was already given by <see cref="CampaignProgress.GetAsync"/> (a page that must answer before it writes).</summary>
    public async Task WriteAsync(Actor actor, CampaignSummary found, Stream output, CancellationToken ct = default)
    {
        var (incidentId, campaignId) = (found.Campaign.IncidentId, found.Campaign.Id);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.exported",
            new { purpose = "campaign proof (CSV)", campaign = campaignId, count = found.Total }, ct);
        await db.SaveChangesAsync(ct);

        // The writer fills a buffer that goes to the output a page at a time, asynchronously (the response allows nothing else).
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var header in Columns) csv.WriteField(header);
            csv.EndRecord();
            Guid? after = null;
            while (true)
            {
                var rows = await PageAsync(campaignId, after, ct);
                foreach (var (recipient, line, details) in rows)
                {
                    foreach (var value in Row(recipient, line, details)) csv.WriteField(value);
                    csv.EndRecord();
                }
                csv.Flush();
                await DrainAsync(buffer, output, ct);
                if (rows.Count < Page) break;
                after = rows[^1].Recipient.PersonId;
            }
        }
        await DrainAsync(buffer, output, ct);
    }

    private async Task<List<(CampaignRecipient Recipient, int Line, PersonDetails Details)>> PageAsync(Guid campaignId, Guid? after, CancellationToken ct)
    {
        var query = db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaignId);
        if (after is { } last) query = query.Where(r => r.PersonId.CompareTo(last) > 0);
        var rows = await (from r in query.OrderBy(r => r.PersonId).Take(Page)
                          join p in db.AffectedPeople.AsNoTracking() on r.PersonId equals p.Id
                          select new { r, p.Line, p.ProtectedDetails }).ToListAsync(ct);
        return rows.Select(row => (row.r, row.Line, JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(row.ProtectedDetails))!)).ToList();
    }

    private static string[] Row(CampaignRecipient r, int line, PersonDetails details) =>
    [
        line.ToString(CultureInfo.InvariantCulture), details.Name, details.Email ?? "", r.Jurisdiction, r.Language,
        KebabCase<RecipientState>.ToId(r.State), r.State == RecipientState.Sent ? (r.Confirmed ? "yes" : "no") : "",
        Utc(r.HandedAt), Utc(r.SentAt), r.Attempts.ToString(CultureInfo.InvariantCulture), r.MessageId ?? "", r.Template ?? "", r.ServerReply ?? "",
    ];

    private static async Task DrainAsync(MemoryStream buffer, Stream output, CancellationToken ct)
    {
        if (buffer.Length == 0) return;
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
        buffer.SetLength(0);
    }

    private static string Utc(Instant? at) => at is { } i ? InstantPattern.ExtendedIso.Format(i) : "";
}
