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
    /// The three cells (deadline in the reader's zone, in the authority's, time left), each value encoded. A method, not
    /// a partial view, for the reason <see cref="Badges"/> gives.
    /// </summary>
    public IHtmlContent Cells()
    {
        var html = new HtmlContentBuilder();
        if (Duty.Deadline is { } deadline)
        {
            var iso = TimeText.Iso(deadline);
            html.AppendHtml("<td data-label=\"Deadline (your time)\"><time datetime=\"").Append(iso).AppendHtml("\">").Append(TimeText.Format(deadline, Zones.Reader))
                .AppendHtml("</time> <span class=\"zone\">").Append(Zones.Reader.Id).AppendHtml("</span></td>\n")
                .AppendHtml("<td data-label=\"Authority's time\"><time datetime=\"").Append(iso).AppendHtml("\">").Append(TimeText.Format(deadline, AuthorityZone))
                .AppendHtml("</time> <span class=\"zone\">").Append(AuthorityZone.Id).AppendHtml("</span>\n");
            if (Duty.LatestDeadline is { } latest)
                html.AppendHtml("<span class=\"muted\">latest legal limit ").Append(TimeText.Format(latest, AuthorityZone)).AppendHtml("</span>\n");
            html.AppendHtml("</td>\n<td data-label=\"Time left\">\n");
            if (IsOpen)
                html.AppendHtml("<span class=\"countdown ").Append(CountdownClass).AppendHtml("\" data-deadline=\"").Append(iso).AppendHtml("\">").Append(Countdown).AppendHtml("</span>\n");
            else
                html.AppendHtml("<span class=\"muted\">closed</span>\n");
            return html.AppendHtml("</td>\n");
        }
        html.AppendHtml("<td colspan=\"2\" data-label=\"Deadline\">No fixed deadline: as soon as practicable.\n");
        if (Duty.Target is { } target) html.AppendHtml("<span class=\"muted\">Target ").Append(TimeText.Format(target, Zones.Reader)).AppendHtml("</span>\n");
        return html.AppendHtml("</td>\n<td data-label=\"Time left\"><span class=\"muted\">none</span></td>\n");
    }

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
