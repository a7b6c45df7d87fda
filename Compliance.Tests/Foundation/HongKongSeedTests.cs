using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Compliance.Tests.Foundation;

// seed-demo's Hong Kong 2019 case as it was lived: the PCPD told on 25 April 2019, the supporters notified, with proof.
public sealed class HongKongSeedTests
{
    [Fact]
    public async Task The_demo_shows_the_PCPD_filing_of_25_April_2019_and_the_supporters_notified_once_however_often_it_runs()
    {
        var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        var clock = FixedClock.At("2026-11-22T08:00:00Z");
        Assert.Equal(0, (await Cli.RunAsync(database, clock, "", "seed-demo")).Code);
        Assert.Equal(0, (await Cli.RunAsync(database, clock, "", "seed-demo")).Code);

        await using var db = ComplianceDatabase.CreateContext(database);
        var duties = await db.Obligations.Where(o => o.IncidentId == HongKong2019Record.IncidentId && o.Status != ObligationStatus.Superseded).ToListAsync();
        var pcpd = duties.Single(o => o.RuleId == "hk-pdpo-pcpd");
        Assert.Equal(ObligationStatus.Done, pcpd.Status);
        Assert.False(pcpd.Mandatory); // Hong Kong's regime is voluntary
        Assert.Equal("2019-04-25", LocalDatePattern.Iso.Format(pcpd.FiledAt!.Value.InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Hong_Kong"]).Date));
        Assert.Equal(HongKong2019Record.PcpdReference, pcpd.FilingReference);
        var filing = await db.Filings.SingleAsync(f => f.IncidentId == HongKong2019Record.IncidentId);
        Assert.Equal(pcpd.Id, filing.ObligationId);
        var filedPdf = await db.EvidenceFiles.SingleAsync(e => e.Id == pcpd.EvidenceFileId);
        Assert.Equal(filing.PdfSha256, filedPdf.Sha256);

        var supporters = duties.Single(o => o.Jurisdiction == "HK" && o.Recipient == Recipient.Individuals);
        Assert.Equal(ObligationStatus.Done, supporters.Status);
        Assert.Equal((2_400, 0, 0), (supporters.PeopleNotified, supporters.PeoplePending, supporters.PeopleUnreachable));
        var proof = await db.EvidenceFiles.SingleAsync(e => e.Id == supporters.EvidenceFileId);
        Assert.Equal("%PDF"u8.ToArray(), proof.Content[..4]);

        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.IncidentId == HongKong2019Record.IncidentId && e.Action == "obligation.fulfilled"));
    }
}
