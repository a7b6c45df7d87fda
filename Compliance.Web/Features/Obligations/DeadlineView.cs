using Compliance.Domain.Obligations;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>One duty's deadline as three cells: in the reader's zone, in the authority's zone, and the time left.</summary>
public sealed record DeadlineView(Obligation Duty, DisplayZones Zones, Instant Now)
{
    public DateTimeZone AuthorityZone { get; } = TimeText.Zone(Duty.TimeZone, DateTimeZone.Utc);

    public bool IsOpen => Duty.Status == ObligationStatus.Open;

    public bool Overdue => IsOpen && Duty.Deadline is { } d && d < Now;

    public string Countdown => Duty.Deadline is { } d ? TimeText.Countdown(d, Now) : "";

    public string CountdownClass => Overdue ? "overdue" : Duty.Deadline is { } d && d - Now < Duration.FromHours(24) ? "soon" : "";
}
