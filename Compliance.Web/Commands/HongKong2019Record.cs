using Compliance.Domain.Incidents;
using System.Globalization;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Commands;

/// <summary>
/// What the demo's Hong Kong 2019 incident shows as done, as Amnesty International Hong Kong reported it: the PCPD
/// told on 25 April 2019 (a filing generated here, marked filed, its PDF kept as evidence) and the supporters notified
/// (the notices recorded on the duty to tell them, with a record of them as proof). Hong Kong's regime is voluntary
/// (law reference section 3): both duties are recommendations, not obligations, and show as such. Counts and times
/// of day are illustrative. Done once: a later seed-demo finds the filing and leaves everything as it is.
/// </summary>
public static class HongKong2019Record
{
    public static readonly Guid IncidentId = Guid.Parse("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e01");
    public static readonly Instant FiledAt = At("2019-04-25T11:00:00+08:00");
    public static readonly Instant SupportersToldAt = At("2019-04-25T18:00:00+08:00");
    public const string PcpdReference = "PCPD e-Data Breach Notification Form, submitted online 25 April 2019";
    public const int ByEmail = 2_397, ByPhone = 3;

    private static readonly Dictionary<string, string> Narrative = new()
    {
        ["contact"] = "Data protection officer, Demo Rights Alliance, privacy@demo.example",
        ["discovery"] = "Our security provider found state-sponsored intruders in the supporter database on 15 March 2019.",
        ["consequences"] = "Supporters could be identified and targeted for their support of human-rights work; HKID numbers could be misused.",
        ["measures"] = "The intruders were removed, every credential was reset, and the database was moved to a new, monitored system.",
    };

    public static async Task RecordAsync(ComplianceDbContext db, IClock clock, CancellationToken ct = default)
    {
        if (await db.Filings.AnyAsync(f => f.IncidentId == IncidentId, ct)) return;
        var lead = new Actor(Guid.Empty, "lead@demo.example", DemoSeeder.OrganisationId, Role.SecurityLead);
        var workspace = new IncidentAccess(db, clock);
        var preview = new FilingPreview(db, workspace, clock);
        var fulfil = new FulfilDuty(db, RulesEngine.Default, clock);
        try
        {
            var generated = await new GenerateFiling(db, preview, clock).HandleAsync(lead, new FilingPreview.Draft(IncidentId, "HK", FilingStage.Initial, "en", null, Narrative), ct);
            if (!generated.IsOk) throw new InvalidOperationException("The demo's PCPD filing could not be generated: " + Problems(generated.Errors));
            // The record of 2019 as it was filed: the demo keeps its narrative short, so it is marked filed as incomplete.
            var filed = await new MarkFilingFiled(db, new FilingVersions(db, workspace), fulfil)
                .HandleAsync(lead, new MarkFilingFiled.Request(IncidentId, generated.Value!.Id, FiledAt, PcpdReference, FiledIncomplete: true), ct);
            if (!filed.IsOk) throw new InvalidOperationException("The demo's PCPD filing could not be marked filed: " + Problems(filed.Errors));

            var duty = await db.Obligations.FirstOrDefaultAsync(o => o.IncidentId == IncidentId && o.Jurisdiction == "HK" && o.Recipient == Recipient.Individuals
                                                                     && o.Status == ObligationStatus.Open, ct);
            if (duty is null) return; // someone already decided it in this demo
            var organisation = await db.Organisations.Where(o => o.Id == DemoSeeder.OrganisationId).Select(o => o.Name).SingleAsync(ct);
            var proof = FilingPdfRenderer.Render(NoticeRecord(organisation, clock.GetCurrentInstant())).Pdf;
            var told = await fulfil.HandleAsync(lead, new FulfilDutyRequest(duty.Id, SupportersToldAt,
                $"Email notice to {ByEmail:N0} supporters; {ByPhone} at-risk supporters told by phone through the Hong Kong office",
                new EvidenceUpload("notices-to-supporters-2019-04-25.pdf", "application/pdf", proof)), ct);
            if (!told.IsOk) throw new InvalidOperationException("The demo's notices could not be recorded: " + Problems(told.Errors));
            if (told.Value!.CountPeople(ByEmail + ByPhone, 0, 0, clock.GetCurrentInstant()))
                await new AuditLog(db, clock).AppendAsync(DemoSeeder.OrganisationId, IncidentId, lead.Email, "obligation.people-counted",
                    new { duty.Id, duty.RuleId, duty.Jurisdiction, notified = ByEmail + ByPhone, byEmail = ByEmail, byContact = ByPhone, pending = 0, unreachable = 0,
                          total = ByEmail + ByPhone, source = "seed-demo: the notices of 25 April 2019" }, ct);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.OrganisationScope = null;
        }
    }

    private static string Problems(IReadOnlyDictionary<string, string[]> errors) => string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    /// <summary>The record of the notices, as a PDF kept with the duty: what was sent, to how many, how, and when.</summary>
    private static FilingDocument NoticeRecord(string organisation, Instant at)
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Hong_Kong"];
        var when = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm x", null);
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        return new FilingDocument
        {
            Layout = "campaign-proof",
            Language = "en",
            Title = "Proof of notification",
            Subtitle = $"{organisation} — notice to the people affected",
            StageLabel = "Notices recorded for INC-2019-001",
            Author = organisation,
            FiledAt = at,
            Zone = zone,
            Blocks =
            [
                new HeadingBlock("Notices"),
                new FieldBlock("Incident", "INC-2019-001: Intruders in the supporter database (Hong Kong)", false, false),
                new FieldBlock("Sent", when.Format(SupportersToldAt.InZone(zone)), false, false),
                new FieldBlock("By email", $"{N(ByEmail)} supporters in Hong Kong (zh-Hant and en)", false, false),
                new FieldBlock("By phone", $"{N(ByPhone)} at-risk supporters, through the Hong Kong office (never emailed)", false, false),
                new FieldBlock("Content", "What happened, the data involved (names, HKID numbers, contact details), the risk of harm, what we did, " +
                                          "what supporters can do, and whom to contact (PCPD suggested content for individuals)", false, true),
                new NoteBlock("Hong Kong's notification regime is voluntary: the PCPD recommends telling data subjects as soon as practicable " +
                              "when a breach is likely to result in a real risk of harm.", Warning: false),
            ],
            Missing = [],
            HashFooter = "Content SHA-256: {0}",
            PageFooter = "Page {0} of {1}",
        };
    }

    private static Instant At(string offsetDateTime) => OffsetDateTimePattern.GeneralIso.Parse(offsetDateTime).GetValueOrThrow().ToInstant();
}
