using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using Microsoft.AspNetCore.Html;

namespace Compliance.Web.Features.Obligations;

/// <summary>
/// Two parts of a duty that the duties table draws on every row and a duty's page once: methods, not partial views
/// (a partial view's lookup and activation cost more than these few tags; see <see cref="Shared.FieldErrors.Shown"/>).
/// Every value is encoded.
/// </summary>
public static class DutyParts
{
    /// <summary>For a duty to tell people: how many of its jurisdiction's people are notified, pending and unreachable.</summary>
    public static IHtmlContent PeopleCounts(Obligation duty)
    {
        if (duty.Recipient != Recipient.Individuals || duty.Status == ObligationStatus.Superseded) return HtmlString.Empty;
        var html = new HtmlContentBuilder().AppendHtml("<p class=\"people-counts\" id=\"people-").Append(duty.Id.ToString()).AppendHtml("\">\n");
        if (duty.PeopleNotified is { } notified)
        {
            var pending = duty.PeoplePending ?? 0;
            var unreachable = duty.PeopleUnreachable ?? 0;
            var total = notified + pending + unreachable;
            if (duty.Status == ObligationStatus.Open && notified > 0) html.AppendHtml("<span class=\"badge\">partly fulfilled</span><br />\n");
            html.AppendHtml("<span class=\"people-notified\">").Append($"{notified:N0} of {total:N0} people notified").AppendHtml("</span>, ")
                .AppendHtml("<span class=\"people-pending\">").Append($"{pending:N0} pending").AppendHtml("</span>, ")
                .AppendHtml("<span class=\"people-unreachable\">").Append($"{unreachable:N0} unreachable (manual contact still to do)").AppendHtml("</span><br />\n");
        }
        return html.AppendHtml("<a href=\"/Incidents/").Append(duty.IncidentId.ToString()).AppendHtml("/Contacts\" class=\"contacts-link\">Manual contacts")
            .AppendHtml("<span class=\"sr-only\"> for the people of ").Append(duty.Jurisdiction).AppendHtml("</span></a>\n</p>\n");
    }

    /// <summary>The duty's sources: web addresses as links named by their host, anything else as written.</summary>
    public static IHtmlContent Sources(IReadOnlyList<string> sources)
    {
        if (sources.Count == 0) return HtmlString.Empty;
        var html = new HtmlContentBuilder().AppendHtml("<ul class=\"sources\">\n");
        foreach (var source in sources)
        {
            html.AppendHtml("<li>");
            if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                html.AppendHtml("<a href=\"").Append(source).AppendHtml("\" rel=\"noopener noreferrer\">").Append(uri.Host).AppendHtml("</a>");
            else
                html.Append(source);
            html.AppendHtml("</li>\n");
        }
        return html.AppendHtml("</ul>\n");
    }
}
