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
    public sealed record Request(IReadOnlyList<TaskTemplate> Templates);

    public async Task<Outcome<IReadOnlyList<TaskTemplate>>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<IReadOnlyList<TaskTemplate>>.Forbidden();
        var templates = request.Templates;
        var errors = Problems(templates, await owners.IdsAsync(actor.OrganisationId, ct));
        if (errors.Count > 0) return Outcome<IReadOnlyList<TaskTemplate>>.Invalid(errors);

        db.OrganisationScope = actor.OrganisationId;
        var org = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var before = TaskTemplates.Read(org.TaskTemplates);
        var cleaned = templates.Select(t => t with { Title = t.Title.Trim(), OwnerRole = t.OwnerUserId is null ? t.OwnerRole : null }).ToList();
        org.TaskTemplates = TaskTemplates.Write(cleaned);
        await new AuditLog(db, clock).AppendAsync(org.Id, null, actor.Email, "task-templates.updated", new { before = before.Count, after = cleaned.Count, templates = org.TaskTemplates }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<TaskTemplate>>.Ok(cleaned);
    }

    private static Dictionary<string, string[]> Problems(IReadOnlyList<TaskTemplate> templates, IReadOnlyCollection<Guid> owners)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (templates.Count > TaskTemplates.MaxCount) errors["templates"] = [$"has {templates.Count} tasks where at most {TaskTemplates.MaxCount} fit."];
        for (var n = 0; n < templates.Count; n++)
        {
            var t = templates[n];
            if (string.IsNullOrWhiteSpace(t.Title)) errors[$"templates[{n}].title"] = ["Say what is to be done (up to 200 characters)."];
            else if (PlainText.Problem(t.Title.Trim(), IncidentTask.TitleLength) is { } bad) errors[$"templates[{n}].title"] = [bad];
            if (t.DueHours is < 0 or > TaskTemplate.MaxDueHours) errors[$"templates[{n}].dueHours"] = [$"must be between 0 and {TaskTemplate.MaxDueHours} hours after awareness."];
            if (t.OwnerUserId is { } owner && !owners.Contains(owner)) errors[$"templates[{n}].ownerId"] = ["is not a member of your organisation; choose one of its members."];
            if (t.OwnerRole is Role.Responder) errors[$"templates[{n}].ownerRole"] = ["cannot be responder: a responder is a guest on one incident."];
        }
        return errors;
    }
}
