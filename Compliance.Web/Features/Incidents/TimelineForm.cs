namespace Compliance.Web.Features.Incidents;

/// <summary>An event for the incident's timeline, as the form posts it.</summary>
public sealed class TimelineForm
{
    public LocalTimeInput At { get; set; } = new();
    public string? Zone { get; set; }
    public string? Description { get; set; }
}
