using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// Work an incident asks of the organisation beyond the law: telling the police, staff, the board, donors, partners,
/// the insurer, platform providers, the national CERT. Owned by a member, optionally due at an instant; done with
/// when and by whom, or decided not needed with a reason.
/// </summary>
public sealed class IncidentTask
{
    public const int TitleLength = 200, NotesLength = 4000, ReasonLength = 2000, ReferenceLength = 100, OfficerLength = 200;

    private IncidentTask() { Title = ""; CreatedBy = ""; }

    public IncidentTask(Guid id, Guid organisationId, Guid incidentId, TaskKind kind, string title, Guid? ownerUserId, Instant? dueAt,
        string createdBy, Instant createdAt, bool fromTemplate)
    {
        Id = id;
        OrganisationId = organisationId;
        IncidentId = incidentId;
        Kind = kind;
        Title = title;
        OwnerUserId = ownerUserId;
        DueAt = dueAt;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        FromTemplate = fromTemplate;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public TaskKind Kind { get; set; }
    public string Title { get; set; }
    public Guid? OwnerUserId { get; set; }
    public Instant? DueAt { get; set; }
    public TaskState State { get; private set; }
    public string? Notes { get; set; }

    /// <summary>Law enforcement only: the report's reference number, and the officer or agency who took it.</summary>
    public string? ReportReference { get; set; }
    public string? Officer { get; set; }

    public Instant? DoneAt { get; private set; }
    public string? DoneBy { get; private set; }
    public string? NotNeededReason { get; private set; }
    public Guid? EvidenceFileId { get; set; }

    public bool FromTemplate { get; private set; }
    public string CreatedBy { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Raised by every saved change: the API's ETag, and a concurrency token, so two edits of one version cannot both land.</summary>
    public int Version { get; private set; } = 1;

    public void MarkChanged() => Version++;
    public Instant? UpdatedAt { get; set; }

    public bool IsOpen => State is TaskState.Open or TaskState.InProgress;

    public void Start() => Reopen(TaskState.InProgress);

    public void Reopen(TaskState state = TaskState.Open)
    {
        if (state is TaskState.Done or TaskState.NotNeeded) throw new ArgumentOutOfRangeException(nameof(state), "Reopen to open or in progress.");
        State = state;
        DoneAt = null;
        DoneBy = null;
        NotNeededReason = null;
    }

    public void Complete(Instant at, string by)
    {
        State = TaskState.Done;
        DoneAt = at;
        DoneBy = by;
        NotNeededReason = null;
    }

    public void DecideNotNeeded(Instant at, string by, string why)
    {
        if (string.IsNullOrWhiteSpace(why)) throw new ArgumentException("Say why the task is not needed.", nameof(why));
        State = TaskState.NotNeeded;
        DoneAt = at;
        DoneBy = by;
        NotNeededReason = why;
    }
}
