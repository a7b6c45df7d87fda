using Microsoft.AspNetCore.Html;
using Compliance.Domain.Obligations;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>One duty's deadline as three cells: in the reader's zone, in the authority's zone, and the time left.</summary>
public sealed record DeadlineView(Obligation Duty, DisplayZones Zones, Instant Now)
{
    public DateTimeZone AuthorityZone { get; } = TimeText.Zone(Duty.TimeZone, DateTimeZone.Utc);

    public bool IsOpen => Duty.Status == ObligationStatus.Open;

    /// <summary>
    /// The duty's badges (overdue, voluntary, verify with counsel). A method, not a partial view: the dashboard and the
    /// duties table show them on every row, and a partial's lookup and activation cost more than these few tags.
    /// </summary>
    public IHtmlContent Badges()
    {
        var html = new HtmlContentBuilder();
        if (Overdue) html.AppendHtml("<span class=\"badge overdue-badge\">overdue</span>\n");
        if (!Duty.Mandatory) html.AppendHtml("<span class=\"badge voluntary\">voluntary</span>\n");
        if (Duty.Verification == "M")
            html.AppendHtml("<span class=\"badge counsel\" title=\"The law reference could not verify this rule against the text of the law\">verify with counsel</span>\n");
        return html;
    }

    public bool Overdue => IsOpen && Duty.Deadline is { } d && d < Now;

    public string Countdown => Duty.Deadline is { } d ? TimeText.Countdown(d, Now) : "";

    public string CountdownClass => Overdue ? "overdue" : Duty.Deadline is { } d && d - Now < Duration.FromHours(24) ? "soon" : "";
}
