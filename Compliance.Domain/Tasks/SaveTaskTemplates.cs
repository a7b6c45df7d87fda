using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>Replaces the organisation's template list (admins only). Incidents already logged keep their tasks.</summary>
public sealed class SaveTaskTemplates(ComplianceDbContext db, TaskOwners owners, IClock clock)
{
    public sealed record Request(IReadOnlyList<TaskTemplate> Templates, int? ExpectedVersion = null);

    public async Task<Outcome<IReadOnlyList<TaskTemplate>>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<IReadOnlyList<TaskTemplate>>.Forbidden();
        var templates = request.Templates;
        var errors = TaskTemplates.Problems(templates, await owners.IdsAsync(actor.OrganisationId, ct));
        if (errors.Count > 0) return Outcome<IReadOnlyList<TaskTemplate>>.Invalid(errors);

        db.OrganisationScope = actor.OrganisationId;
        var org = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        if (request.ExpectedVersion is { } expected && expected != org.Version) return Organisations.OrganisationVersion.Stale<IReadOnlyList<TaskTemplate>>(expected);
        org.MarkChanged();
        var before = TaskTemplates.Read(org.TaskTemplates);
        var cleaned = templates.Select(t => t with { Title = t.Title.Trim(), OwnerRole = t.OwnerUserId is null ? t.OwnerRole : null }).ToList();
        org.TaskTemplates = TaskTemplates.Write(cleaned);
        await new AuditLog(db, clock).AppendAsync(org.Id, null, actor.Email, "task-templates.updated", new { before = before.Count, after = cleaned.Count, templates = org.TaskTemplates }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Organisations.OrganisationVersion.Stale<IReadOnlyList<TaskTemplate>>(request.ExpectedVersion ?? org.Version - 1);
        }
        return Outcome<IReadOnlyList<TaskTemplate>>.Ok(cleaned);
    }
}
