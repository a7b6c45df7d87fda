using Compliance.Domain.Incidents;
using Compliance.Domain.Risk;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Risk;

/// <summary>
/// The incident's guided risk assessment: the questions, the level the method proposes with its reasons, and the
/// person's confirmation or override (with a rationale). Confirming sets the incident's risk level and recomputes the duties.
/// </summary>
public sealed class RiskModel(RiskAssessmentQuery assessments, ConfirmRiskAssessment confirm, WorkspaceContext context)
    : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RiskForm Form { get; set; } = new();

    public Incident Incident { get; private set; } = null!;
    public RiskAssessment? Stored { get; private set; }

    /// <summary>What the method proposes for the answers shown (stored, or just posted), or null before any answers.</summary>
    public RiskProposal? Proposal { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool CanAssess => RiskPermissions.MayAssess(Actor, Id, Now);
    public DateTimeZone ClockZone => TimeText.Zone(Incident.ClockZone, Zones.Organisation);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        Form = RiskForm.From(Stored, Incident);
        if (Stored is not null) Proposal = RiskMethod.Propose(Stored.Answers, RiskFacts.Of(Incident));
        return Page();
    }

    /// <summary>Shows the proposal for the answers given, without saving anything.</summary>
    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanAssess) return Forbid();
        var (answers, errors) = Form.ReadAnswers();
        Errors = errors;
        if (answers is not null)
        {
            Proposal = RiskMethod.Propose(answers, RiskFacts.Of(Incident));
            Form.ConfirmedLevel ??= Compliance.Domain.Vocabulary.KebabCase<Compliance.Domain.Vocabulary.RiskLevel>.ToId(Proposal.Level);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanAssess) return Forbid();
        var (input, errors) = Form.Read();
        if (Form.ReadAnswers().Answers is { } answers) Proposal = RiskMethod.Propose(answers, RiskFacts.Of(Incident));
        if (input is null)
        {
            Errors = errors;
            return Page();
        }
        var confirmed = await confirm.HandleAsync(Actor, new ConfirmRiskAssessment.Request(Id, input), HttpContext.RequestAborted);
        switch (confirmed.Status)
        {
            case OutcomeStatus.Ok: return Redirect($"/Incidents/{Id}#risk-summary");
            case OutcomeStatus.NotFound or OutcomeStatus.Forbidden: return Refusal(confirmed.Status);
            default:
                Errors = confirmed.Errors;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var found = await assessments.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        (Incident, Stored) = found.Value!;
        return null;
    }

    public FieldErrors ErrorsFor(string key) => new(RiskForm.IdFor(key), Errors
        .Where(e => e.Key == key || e.Key.StartsWith(key + "[", StringComparison.Ordinal))
        .SelectMany(e => e.Value.Select(m => FieldMessages.ForPerson(RiskForm.FieldLabels.GetValueOrDefault(key, ""), m)))
        .ToList());

    public IEnumerable<(string Id, string Message)> Summary => Errors
        .SelectMany(e => e.Value.Select(m => (RiskForm.IdFor(e.Key), FieldMessages.ForPerson(RiskForm.FieldLabels.GetValueOrDefault(e.Key.Split('[')[0], ""), m))));
}
