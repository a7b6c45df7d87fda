using Compliance.Domain.Incidents;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// Prepares a notice campaign for a group of an incident's people: the notice frozen and checked for every jurisdiction
/// and language in it, the recipients chosen, all audited; it then waits for a second person's approval.
/// </summary>
public sealed class PrepareCampaign(ComplianceDbContext db, IncidentAccess workspace, NoticeTemplates templates, IClock clock)
{
    /// <summary>Empty jurisdictions or languages mean all of them; an empty name is "Notice of {date}".</summary>
    public sealed record Request(Guid IncidentId, string? Name, IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Languages);

    public async Task<Outcome<Campaign>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var incidentId = request.IncidentId;
        var access = await workspace.PeopleAccessAsync(actor, incidentId, ct);
        if (!access.IsOk) return access.Refusal<Campaign>();
        var incident = access.Value!;
        var name = (request.Name ?? "").Trim();
        if (PlainText.Problem(name, PlainText.Line) is { } badName) return Outcome<Campaign>.Invalid("name", badName);
        var jurisdictions = request.Jurisdictions.Select(j => j.Trim().ToUpperInvariant()).Where(j => j.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var languages = request.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (jurisdictions.FirstOrDefault(j => !JurisdictionCode.TryParse(j, out _)) is { } badCode)
            return Outcome<Campaign>.Invalid("jurisdictions", $"'{badCode}' is not a jurisdiction code such as 'HK' or 'US-CA'.");
        if (languages.FirstOrDefault(l => l.Length > 16 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) is { } badLanguage)
            return Outcome<Campaign>.Invalid("languages", $"'{badLanguage}' is not a language tag such as 'en' or 'zh-Hant'.");

        var groups = (await CampaignAudienceGroups.OfAsync(db, incidentId, ct))
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
        // One transaction: the campaign is saved first so that its recipients can be added to it in the database.
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
}
