using System.Globalization;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
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
/// Notice campaigns of an incident: prepare one for a group of people (the notice text frozen and checked for every
/// jurisdiction and language in it), have a second person approve it, watch it send, cancel it, and download the
/// proof. Only security leads and legal staff may; every step, and every look at the recipients, is audited.
/// </summary>
public sealed class Campaigns(ComplianceDbContext db, IncidentWorkspace workspace, NoticeTemplates templates, CampaignTrigger trigger,
    IPeopleDataProtector protector, IClock clock)
{
    public sealed record Choice(string? Name, IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Languages);

    /// <summary>People a new campaign could email, by jurisdiction and language.</summary>
    public sealed record AudienceGroup(string Jurisdiction, string Language, int People);

    public async Task<Outcome<IReadOnlyList<AudienceGroup>>> AudienceAsync(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        await workspace.DenyPeopleAccessAsync<IReadOnlyList<AudienceGroup>>(actor, incidentId, ct) ?? Outcome<IReadOnlyList<AudienceGroup>>.Ok(await GroupsAsync(incidentId, ct));

    private async Task<IReadOnlyList<AudienceGroup>> GroupsAsync(Guid incidentId, CancellationToken ct)
    {
        var groups = await CampaignAudience.Eligible(db, incidentId).GroupBy(p => new { p.Jurisdiction, p.Language })
            .Select(g => new { g.Key.Jurisdiction, g.Key.Language, Count = g.Count() }).ToListAsync(ct);
        return groups.OrderBy(g => g.Jurisdiction, StringComparer.Ordinal).ThenBy(g => g.Language, StringComparer.Ordinal)
            .Select(g => new AudienceGroup(g.Jurisdiction, g.Language, g.Count)).ToList();
    }

    public async Task<Outcome<Campaign>> PrepareAsync(Actor actor, Guid incidentId, Choice choice, CancellationToken ct = default)
    {
        var access = await workspace.PeopleAccessAsync(actor, incidentId, ct);
        if (!access.IsOk) return access.Refusal<Campaign>();
        var incident = access.Value!;
        var name = (choice.Name ?? "").Trim();
        if (PlainText.Problem(name, PlainText.Line) is { } badName) return Outcome<Campaign>.Invalid("name", badName);
        var jurisdictions = choice.Jurisdictions.Select(j => j.Trim().ToUpperInvariant()).Where(j => j.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var languages = choice.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (jurisdictions.FirstOrDefault(j => !JurisdictionCode.TryParse(j, out _)) is { } badCode)
            return Outcome<Campaign>.Invalid("jurisdictions", $"'{badCode}' is not a jurisdiction code such as 'HK' or 'US-CA'.");
        if (languages.FirstOrDefault(l => l.Length > 16 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) is { } badLanguage)
            return Outcome<Campaign>.Invalid("languages", $"'{badLanguage}' is not a language tag such as 'en' or 'zh-Hant'.");

        var groups = (await GroupsAsync(incidentId, ct))
            .Where(g => (jurisdictions.Count == 0 || jurisdictions.Contains(g.Jurisdiction)) && (languages.Count == 0 || languages.Contains(g.Language))).ToList();
        if (groups.Count == 0)
            return Outcome<Campaign>.Invalid("people", "No one to email in that choice: everyone there is already in a campaign, has a safety flag or trusted contact, or has no email address.");

        if (await FrozenNotice.DraftAsync(db, incidentId, ct) is not { } draft) return Outcome<Campaign>.Invalid("notice", "Write the notice first (the Notice page).");
        // Every reader's notice in the language of its template, with text written in it: a missing language is named, never sent empty or in another's words.
        var missing = NoticeLanguageNeeds.Missing(NoticeLanguageNeeds.Needs(groups.Select(g => new NoticeLanguageNeeds.Group(g.Jurisdiction, g.Language, g.People)),
            templates, l => NoticeTexts.HasText(draft, l)), "in this campaign");
        if (missing.Count > 0) return Outcome<Campaign>.Invalid(new Dictionary<string, string[]> { ["notice"] = [.. missing] });
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var frozen = FrozenNotice.Freeze(draft, incident, organisation);

        // Every jurisdiction and language in the campaign must pass its checks before anyone may approve it.
        var sample = NoticeFields.ForPerson(NoticeFields.Thaw(frozen), NoticeFields.SampleName, clock.GetCurrentInstant().InUtc().Date);
        var duties = await db.Obligations.Where(o => o.IncidentId == incidentId && o.Recipient == Recipient.Individuals && o.Status != ObligationStatus.Superseded).ToListAsync(ct);
        var problems = groups.SelectMany(g => templates.Check(g.Jurisdiction, g.Language, sample, NoticeRequirements.For(g.Jurisdiction, duties)).Select(p => $"{g.Jurisdiction} ({g.Language}): {p}"))
            .Distinct().ToArray();
        if (problems.Length > 0) return Outcome<Campaign>.Invalid(new Dictionary<string, string[]> { ["notice"] = problems });

        var now = clock.GetCurrentInstant();
        var campaign = new Campaign(actor.OrganisationId, incidentId,
            name.Length > 0 ? name : $"Notice of {LocalDatePattern.Iso.Format(now.InUtc().Date)}",
            string.Join(",", jurisdictions), string.Join(",", languages), frozen,
            templates.Hash(frozen, groups.Select(g => (g.Jurisdiction, g.Language))), actor.Email, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var added = await CampaignAudience.AddRecipientsAsync(db, campaign, ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "campaign.prepared",
            new { campaign = campaign.Id, name = campaign.Name, jurisdictions, languages, recipients = added, templateHash = campaign.TemplateHash }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Campaign>.Ok(campaign);
    }

    /// <summary>The two-person rule: someone other than who prepared it, a security lead or legal officer too, approves it; sending starts.</summary>
    public Task<Outcome<Campaign>> ApproveAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct = default) =>
        ApproveAsync(actor, incidentId, campaignId, fallbacksSeen: false, ct);

    /// <summary>
    /// The same, saying whether the approver was shown who falls back to a template in another language
    /// (<see cref="FallbacksAsync"/>): a campaign with such people is approved only by someone who saw them, and the
    /// audit entry records what they saw.
    /// </summary>
    public async Task<Outcome<Campaign>> ApproveAsync(Actor actor, Guid incidentId, Guid campaignId, bool fallbacksSeen, CancellationToken ct = default)
    {
        var found = await FindAsync(actor, incidentId, campaignId, ct);
        if (!found.IsOk) return found;
        var campaign = found.Value!;
        if (campaign.State != CampaignState.AwaitingApproval) return Outcome<Campaign>.Conflict($"This campaign is {KebabCase<CampaignState>.ToId(campaign.State)}, not awaiting approval.");
        if (string.Equals(campaign.CreatedBy, actor.Email, StringComparison.OrdinalIgnoreCase))
            return Outcome<Campaign>.Invalid("approver", "You prepared this campaign, so someone else must approve it: a second security lead or legal officer.");
        if (!await CampaignSender.NoticeUnchangedAsync(db, templates, campaign, ct))
            return Outcome<Campaign>.Invalid("notice", "The notice templates changed after this campaign was prepared: cancel it and prepare it again, so that what is approved is what is sent.");
        var groups = await RecipientGroupsAsync(campaign.Id, ct);
        var frozen = NoticeFields.Thaw(campaign.Fields);
        var missing = NoticeLanguageNeeds.Missing(NoticeLanguageNeeds.Needs(groups, templates, l => NoticeFields.HasText(frozen, l)), "in this campaign");
        if (missing.Count > 0) return Outcome<Campaign>.Invalid(new Dictionary<string, string[]> { ["notice"] = [.. missing] });
        var fallbacks = NoticeLanguageNeeds.Fallbacks(groups, templates);
        if (fallbacks.Count > 0 && !fallbacksSeen)
            return Outcome<Campaign>.Invalid("fallbacks", $"{string.Join(" ", fallbacks.Select(f => f.Sentence))} Confirm you have seen this to approve.");
        campaign.Approve(actor.Email, clock.GetCurrentInstant());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "campaign.approved",
            new
            {
                campaign = campaign.Id, preparedBy = campaign.CreatedBy, templateHash = campaign.TemplateHash,
                languageFallbacksSeen = fallbacks.Select(f => new { readerLanguage = f.ReaderLanguage, templateLanguage = f.TemplateLanguage, people = f.People }),
            }, ct);
        await db.SaveChangesAsync(ct);
        await trigger.RunSoonAsync(ct);
        return Outcome<Campaign>.Ok(campaign);
    }

    /// <summary>Who in a campaign receives the notice in another language than their own, because no template for their jurisdiction has it.</summary>
    public async Task<Outcome<IReadOnlyList<NoticeLanguageNeeds.Fallback>>> FallbacksAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct = default)
    {
        var found = await FindAsync(actor, incidentId, campaignId, ct);
        if (!found.IsOk) return found.Refusal<IReadOnlyList<NoticeLanguageNeeds.Fallback>>();
        return Outcome<IReadOnlyList<NoticeLanguageNeeds.Fallback>>.Ok(NoticeLanguageNeeds.Fallbacks(await RecipientGroupsAsync(campaignId, ct), templates));
    }

    private async Task<List<NoticeLanguageNeeds.Group>> RecipientGroupsAsync(Guid campaignId, CancellationToken ct) =>
        (await db.CampaignRecipients.Where(r => r.CampaignId == campaignId).GroupBy(r => new { r.Jurisdiction, r.Language })
            .Select(g => new { g.Key.Jurisdiction, g.Key.Language, Count = g.Count() }).ToListAsync(ct))
        .Select(g => new NoticeLanguageNeeds.Group(g.Jurisdiction, g.Language, g.Count)).ToList();

    public async Task<Outcome<Campaign>> CancelAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct = default)
    {
        var found = await FindAsync(actor, incidentId, campaignId, ct);
        if (!found.IsOk) return found;
        var campaign = found.Value!;
        if (campaign.State is not (CampaignState.AwaitingApproval or CampaignState.Sending))
            return Outcome<Campaign>.Conflict($"This campaign is already {KebabCase<CampaignState>.ToId(campaign.State)}.");
        campaign.Cancel(actor.Email, clock.GetCurrentInstant());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "campaign.cancelled", new { campaign = campaign.Id }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Campaign>.Ok(campaign);
    }

    /// <summary>
    /// Sends again the messages released to the server whose reply was lost (all, or those with the given Message-IDs),
    /// after someone checked the server's log and did not find them; with the same Message-ID, so a copy that did
    /// arrive shows once in the person's mail program.
    /// </summary>
    public async Task<Outcome<int>> ResendUnconfirmedAsync(Actor actor, Guid incidentId, Guid campaignId, IReadOnlyCollection<string>? messageIds = null,
        CancellationToken ct = default)
    {
        var found = await FindAsync(actor, incidentId, campaignId, ct);
        if (!found.IsOk) return new(found.Status, 0, found.Errors);
        var campaign = found.Value!;
        if (campaign.State is not (CampaignState.Sending or CampaignState.Completed))
            return Outcome<int>.Conflict($"This campaign is {KebabCase<CampaignState>.ToId(campaign.State)}: nothing is resent.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unconfirmed = db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.State == RecipientState.Sent && !r.Confirmed);
        if (messageIds is not null)
        {
            var ids = messageIds.Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
            unconfirmed = unconfirmed.Where(r => ids.Contains(r.MessageId!));
        }
        var count = await unconfirmed
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Queued).SetProperty(r => r.HandedAt, (Instant?)null)
                .SetProperty(r => r.SentAt, (Instant?)null), ct);
        // Resending nothing (every unconfirmed message was found in the server's log) leaves a finished campaign finished.
        if (count > 0) campaign.Reopen();
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "campaign.resend-unconfirmed", new { campaign = campaign.Id, count, chosen = messageIds is not null }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (count > 0) await trigger.RunSoonAsync(ct);
        return Outcome<int>.Ok(count);
    }

    /// <summary>The Message-IDs of the messages released but unconfirmed, to look up in the mail server's log.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> UnconfirmedAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct = default)
    {
        var found = await FindAsync(actor, incidentId, campaignId, ct);
        if (!found.IsOk) return found.Refusal<IReadOnlyList<string>>();
        return Outcome<IReadOnlyList<string>>.Ok(await db.CampaignRecipients
            .Where(r => r.CampaignId == campaignId && r.State == RecipientState.Sent && !r.Confirmed)
            .OrderBy(r => r.MessageId).Select(r => r.MessageId!).ToListAsync(ct));
    }

    public async Task<Outcome<IReadOnlyList<CampaignSummary>>> ListAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyList<CampaignSummary>>(actor, incidentId, ct) is { } refusal) return refusal;
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.IncidentId == incidentId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return Outcome<IReadOnlyList<CampaignSummary>>.Ok(await CampaignSummaries.ForAsync(db, campaigns, ct));
    }

    public async Task<Outcome<CampaignSummary>> GetAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct = default)
    {
        var found = await FindAsync(actor, incidentId, campaignId, ct);
        return found.IsOk ? Outcome<CampaignSummary>.Ok(await CampaignSummaries.ForAsync(db, found.Value!, ct)) : found.Refusal<CampaignSummary>();
    }

    /// <summary>
    /// The proof as CSV, one row per recipient with who they are, what happened and the server's reply, written as it is
    /// read. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped. The export is audited.
    /// </summary>
    public async Task<Outcome<CampaignSummary>> WriteProofCsvAsync(Actor actor, Guid incidentId, Guid campaignId, Stream output, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, campaignId, ct);
        if (found.IsOk) await WriteProofCsvAsync(actor, found.Value!, output, ct);
        return found;
    }

    /// <summary>The same for a campaign the actor was already given by <see cref="GetAsync"/> (a page that must answer before it writes).</summary>
    public async Task WriteProofCsvAsync(Actor actor, CampaignSummary found, Stream output, CancellationToken ct = default)
    {
        var (incidentId, campaignId) = (found.Campaign.IncidentId, found.Campaign.Id);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.exported",
            new { purpose = "campaign proof (CSV)", campaign = campaignId, count = found.Total }, ct);
        await db.SaveChangesAsync(ct);

        // The writer fills a buffer that goes to the output a page at a time, asynchronously (the response allows nothing else).
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            async Task DrainAsync()
            {
                csv.Flush();
                buffer.Position = 0;
                await buffer.CopyToAsync(output, ct);
                buffer.SetLength(0);
            }
            foreach (var header in ProofColumns) csv.WriteField(header);
            csv.EndRecord();
            const int page = 1000;
            Guid? after = null;
            while (true)
            {
                var query = db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaignId);
                if (after is { } last) query = query.Where(r => r.PersonId.CompareTo(last) > 0);
                var rows = await (from r in query.OrderBy(r => r.PersonId).Take(page)
                                  join p in db.AffectedPeople.AsNoTracking() on r.PersonId equals p.Id
                                  select new { r, p.Line, p.ProtectedDetails }).ToListAsync(ct);
                foreach (var row in rows)
                {
                    var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(row.ProtectedDetails))!;
                    var r = row.r;
                    foreach (var value in new[]
                    {
                        row.Line.ToString(CultureInfo.InvariantCulture), details.Name, details.Email ?? "", r.Jurisdiction, r.Language,
                        KebabCase<RecipientState>.ToId(r.State), r.State == RecipientState.Sent ? (r.Confirmed ? "yes" : "no") : "",
                        Utc(r.HandedAt), Utc(r.SentAt), r.Attempts.ToString(CultureInfo.InvariantCulture), r.MessageId ?? "", r.Template ?? "", r.ServerReply ?? "",
                    })
                        csv.WriteField(value);
                    csv.EndRecord();
                }
                await DrainAsync();
                if (rows.Count < page) break;
                after = rows[^1].r.PersonId;
            }
        }
        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(output, ct);
        }
    }

    public static readonly string[] ProofColumns =
        ["line", "name", "email", "jurisdiction", "language", "state", "confirmed", "released_utc", "sent_utc", "attempts", "message_id", "template", "server_reply"];

    /// <summary>The one-page summary of the proof: counts per state and jurisdiction, first and last send, the template hash.</summary>
    public async Task<Outcome<byte[]>> ProofPdfAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, campaignId, ct);
        if (!found.IsOk) return found.Refusal<byte[]>();
        var incident = (await workspace.GetAsync(actor, incidentId, ct)).Value!;
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(organisation.TimeZone) ?? DateTimeZone.Utc;
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "campaign.proof-downloaded", new { campaign = campaignId, format = "pdf" }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<byte[]>.Ok(CampaignProof.Render(found.Value!, incident.Reference, incident.Title, organisation.Name, clock.GetCurrentInstant(), zone));
    }

    private async Task<Outcome<Campaign>> FindAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct)
    {
        if (await workspace.DenyPeopleAccessAsync<Campaign>(actor, incidentId, ct) is { } refusal) return refusal;
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId && c.IncidentId == incidentId, ct);
        return campaign is null ? Outcome<Campaign>.NotFound() : Outcome<Campaign>.Ok(campaign);
    }


    private static string Utc(Instant? at) => at is { } i ? InstantPattern.ExtendedIso.Format(i) : "";
}
