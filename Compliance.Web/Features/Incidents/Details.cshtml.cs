using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>One incident: its facts, status, timeline, current duties with their forms, and the history of changed duties.</summary>
public sealed class DetailsModel(IncidentDetailsQuery details, SetIncidentStatus setStatus, AddTimelineEvent addEvent,
    Compliance.Domain.Rules.Engine.RulesEngine engine, WorkspaceContext context) : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? NewStatus { get; set; }
    [BindProperty] public TimelineForm Event { get; set; } = new();

    // What IncidentDetailsQuery read (kept between views, never changed); the page shows it through the properties below.
    private IncidentDetails read = null!;

    public Incident Incident => read.Incident;
    public Organisation Organisation => read.Organisation;
    public DateTimeZone ClockZone => TimeText.Zone(Incident.ClockZone, Zones.Organisation);
    public IReadOnlyList<DeadlineView> Duties { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    /// <summary>Where people are affected but the catalogue has no rule at all: the tracker cannot say what the law asks there.</summary>
    public IReadOnlyList<string> WithoutRules { get; private set; } = [];
    public IReadOnlyList<TimelineEvent> Timeline => read.Timeline;
    public IReadOnlyDictionary<Guid, string> EvidenceNames => read.EvidenceNames;
    public IReadOnlyList<Compliance.Domain.Tasks.IncidentTask> Tasks => read.Tasks;
    public IReadOnlyDictionary<Guid, string> TaskOwners => read.TaskOwners;
    public Compliance.Domain.Risk.RiskAssessment? RiskAssessment => read.RiskAssessment;
    public Obligations.WhyNoDutyView WhyNoDuty => new(Id, read.WhyNoDuty, CanEdit);
    public string? StatusError { get; private set; }
    public FieldErrors EventTimeErrors { get; private set; } = new("event-at", []);
    public FieldErrors EventTextErrors { get; private set; } = new("event-description", []);
    public Ambiguity? EventAmbiguity { get; private set; }

    public bool CanEdit => Allows(Operation.EditIncident, Id);
    public bool CanDecide => Allows(Operation.DecideObligation, Id);
    public bool CanFulfil => Allows(Operation.FulfilObligation, Id);
    public bool CanAddEvent => Allows(Operation.AddTimelineEvent, Id);
    public IReadOnlyList<DeadlineView> OpenDuties => Duties.Where(d => d.IsOpen).ToList();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!Allows(Operation.EditIncident, Id)) return Forbid();
        if (!KebabCase<IncidentStatus>.TryParse(NewStatus, out var status))
        {
            StatusError = "Choose open, contained or closed.";
            return Page();
        }
        var changed = await setStatus.HandleAsync(Actor, new SetIncidentStatusRequest(Id, status), HttpContext.RequestAborted);
        if (changed.IsOk) return Redirect($"/Incidents/{Id}");
        if (changed.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(changed.Status);
        StatusError = changed.Errors.Values.SelectMany(m => m).FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostEventAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!Allows(Operation.AddTimelineEvent, Id)) return Forbid();
        var zone = TimeText.Zone(Event.Zone, Zones.Reader);
        if (Event.At.IsBlank)
        {
            EventTimeErrors = EventTimeErrors with { Messages = ["Enter when it happened."] };
            return Page();
        }
        var resolved = LocalClock.Resolve(Event.At, zone);
        EventAmbiguity = resolved.Ambiguity;
        if (resolved.Instant is not { } at)
        {
            EventTimeErrors = EventTimeErrors with { Messages = [resolved.Problem!] };
            return Page();
        }
        var added = await addEvent.HandleAsync(Actor, new AddTimelineEventRequest(Id, at, Event.Description ?? ""), HttpContext.RequestAborted);
        if (added.IsOk) return Redirect($"/Incidents/{Id}#timeline");
        if (added.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(added.Status);
        EventTextErrors = EventTextErrors with { Messages = added.Errors.Values.SelectMany(m => m).Select(m => FieldMessages.ForPerson("Description", m)).ToList() };
        return Page();
    }

    /// <summary>For each open duty, the forms this person may use: record its filing, decide it is not required.</summary>
    public DutyForms DutyForms => new(CanDecide || CanFulfil
        ? OpenDuties.Select(v => new DutyForms.Pair(v.Duty, CanFulfil ? FulfilmentForm(v.Duty) : null, CanDecide ? DecisionForm(v.Duty) : null)).ToList()
        : [], OnIncidentPage: true);

    private DecisionFormView DecisionForm(Obligation duty) => new(Id, duty, null, []);

    private FulfilmentFormView FulfilmentForm(Obligation duty) => new(Id, duty, new FulfilmentForm { Zone = FulfilmentFormView.DefaultZone(duty, Zones.Reader.Id) },
        ZoneChoices.Few(Zones.Reader.Id, Zones.Organisation.Id, duty.TimeZone), new Dictionary<string, string[]>(), null);

    public LocalTimeField EventTimeField => new("Event.At", "event-at", "When", null, Event.At, true, EventTimeErrors, EventAmbiguity);

    public ZoneSelect EventZoneField => new("Event.Zone", "event-zone", "Time zone of that time",
        ZoneChoices.Few(Zones.Reader.Id, Zones.Organisation.Id, Incident.ClockZone), Event.Zone ?? Zones.Reader.Id);

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var found = await details.ReadAsync(actor, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        read = found.Value!;
        WithoutRules = Incident.Affected.Select(a => a.Jurisdiction)
            .Where(j => JurisdictionCode.TryParse(j, out var code) && engine.Catalogue.RegimesFor(code!.Value).Length == 0)
            .Order(StringComparer.Ordinal).ToList();
        Duties = read.Duties.Where(o => o.Status != ObligationStatus.Superseded).Select(o => new DeadlineView(o, Zones, Now)).ToList();
        History = DutyHistory.Build(read.Duties, read.Audit);
        return null;
    }
}
