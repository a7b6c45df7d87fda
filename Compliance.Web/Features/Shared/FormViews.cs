using Microsoft.AspNetCore.Html;
using System.Text.RegularExpressions;

namespace Compliance.Web.Features.Shared;

/// <summary>Messages under one field; the id lets the field point at them with aria-describedby.</summary>
public sealed record FieldErrors(string Id, IReadOnlyList<string> Messages)
{
    public string ErrorId => Id + "-error";

    /// <summary>The aria-describedby value for the field: its hint and its errors, whichever exist.</summary>
    public string? DescribedBy(string? hintId = null)
    {
        var ids = new[] { hintId, Messages.Count > 0 ? ErrorId : null }.Where(x => x is not null).ToArray();
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>
    /// The messages under the field (nothing when there are none), each encoded. A method, not a partial view: forms
    /// show it under every field, and a partial's lookup and activation cost more than its few tags.
    /// </summary>
    public IHtmlContent Shown()
    {
        if (Messages.Count == 0) return HtmlString.Empty;
        var html = new HtmlContentBuilder().AppendHtml("<div class=\"field-error\" id=\"").Append(ErrorId).AppendHtml("\">");
        foreach (var message in Messages) html.AppendHtml("<p>").Append(message).AppendHtml("</p>");
        return html.AppendHtml("</div>");
    }
}

/// <summary>A local date-time input with its label, hint, errors and, when the time happened twice, the offset choice.</summary>
public sealed record LocalTimeField(string Name, string Id, string Label, string? Hint, LocalTimeInput Value, bool Required,
    FieldErrors Errors, Ambiguity? Ambiguity)
{
    /// <summary>The field as the page shows it, each value encoded (a method, not a partial view: see <see cref="FieldErrors.Shown"/>).</summary>
    public IHtmlContent Shown()
    {
        var hintId = Hint is null ? null : Id + "-hint";
        var invalid = Errors.Messages.Count > 0;
        var html = new HtmlContentBuilder().AppendHtml(invalid ? "<div class=\"field invalid\">\n" : "<div class=\"field\">\n")
            .AppendHtml("<label for=\"").Append(Id).AppendHtml("\">").Append(Label).AppendHtml(Required ? "</label>\n" : " (optional)</label>\n");
        if (hintId is not null) html.AppendHtml("<p class=\"hint\" id=\"").Append(hintId).AppendHtml("\">").Append(Hint!).AppendHtml("</p>\n");
        html.AppendHtml("<input type=\"datetime-local\" id=\"").Append(Id).AppendHtml("\" name=\"").Append(Name + ".Local").AppendHtml("\"");
        if (Value.Local is not null) html.AppendHtml(" value=\"").Append(Value.Local).AppendHtml("\"");
        if (Required) html.AppendHtml(" required=\"required\"");
        if (invalid) html.AppendHtml(" aria-invalid=\"true\"");
        if (Errors.DescribedBy(hintId) is { } describedBy) html.AppendHtml(" aria-describedby=\"").Append(describedBy).AppendHtml("\"");
        html.AppendHtml(" />\n").AppendHtml(Errors.Shown());
        if (Ambiguity is { } twice)
        {
            html.AppendHtml("<fieldset class=\"overlap\" id=\"").Append(Id + "-overlap").AppendHtml("\">\n<legend>This time happened twice: which one?</legend>\n");
            Choice(html, Ambiguity.EarlierChoice, "earlier", twice.Earlier);
            Choice(html, Ambiguity.LaterChoice, "later", twice.Later);
            html.AppendHtml("</fieldset>\n");
        }
        return html.AppendHtml("</div>\n");
    }

    private void Choice(IHtmlContentBuilder html, string choice, string words, NodaTime.Offset offset)
    {
        var id = $"{Id}-{words}";
        html.AppendHtml("<input type=\"radio\" id=\"").Append(id).AppendHtml("\" name=\"").Append(Name + ".Choice").AppendHtml("\" value=\"").Append(choice)
            .AppendHtml(Value.Choice == choice ? "\" checked=\"checked\" />\n" : "\" />\n")
            .AppendHtml("<label for=\"").Append(id).AppendHtml("\">").Append($"{words} ({TimeText.Utc(offset)})").AppendHtml("</label>\n");
    }
}

/// <summary>A labelled select of IANA zones.</summary>
public sealed record ZoneSelect(string Name, string Id, string Label, IReadOnlyList<string> Zones, string? Selected)
{
    /// <summary>The label and the select, each value encoded (a method, not a partial view: see <see cref="FieldErrors.Shown"/>).</summary>
    public IHtmlContent Shown()
    {
        var html = new HtmlContentBuilder().AppendHtml("<label for=\"").Append(Id).AppendHtml("\">").Append(Label).AppendHtml("</label>\n")
            .AppendHtml("<select id=\"").Append(Id).AppendHtml("\" name=\"").Append(Name).AppendHtml("\">\n");
        foreach (var zone in Zones)
            html.AppendHtml("<option value=\"").Append(zone).AppendHtml(zone == Selected ? "\" selected=\"selected\">" : "\">").Append(zone).AppendHtml("</option>\n");
        return html.AppendHtml("</select>\n");
    }
}

/// <summary>Everything the incident form partial shows: the values, the problems, and the overlaps to choose.</summary>
public sealed partial record IncidentFormView(
    IncidentForm Form,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyDictionary<string, Ambiguity> Ambiguities,
    string SubmitLabel,
    string? Conflict = null)
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["title"] = "Title",
        ["summary"] = "Summary",
        ["timeZone"] = "Time zone",
        ["awareAt"] = "Became aware",
        ["determinedAt"] = "Breach determined",
        ["assessedAt"] = "Assessment finished",
        ["occurredFrom"] = "Breach began",
        ["occurredUntil"] = "Breach ended",
        ["lawEnforcementHold"] = "Law-enforcement hold",
        ["lawEnforcementHold.from"] = "Law-enforcement hold from",
        ["lawEnforcementHold.until"] = "Law-enforcement hold until",
        ["dataCategories"] = "Data categories",
        ["affected"] = "Affected people",
        ["exfiltration"] = "Exfiltration",
        ["encryption"] = "Encryption",
        ["cause"] = "Cause",
        ["riskLevel"] = "Risk level",
        ["riskRationale"] = "Risk rationale",
    };

    public static string LabelFor(string key)
    {
        var row = RowField().Match(key);
        if (row.Success) return $"Row {int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1} {row.Groups[2].Value}";
        var bare = key.Split('[')[0];
        return FieldLabels.GetValueOrDefault(bare, "");
    }

    /// <summary>The id of the input a message belongs to: affected[2].count is affected-2-count.</summary>
    public static string IdFor(string key)
    {
        if (RowField().IsMatch(key)) return key.Replace("[", "-").Replace("].", "-");
        return key.Split('[')[0] is "$" ? "incident-form" : key.Split('[')[0];
    }

    /// <summary>The messages for a field, in plain words; per-item messages (dataCategories[3]) go with their field.</summary>
    public FieldErrors ErrorsFor(string key) => new(IdFor(key), Errors
        .Where(e => e.Key == key || (!RowField().IsMatch(e.Key) && e.Key.StartsWith(key + "[", StringComparison.Ordinal)))
        .SelectMany(e => e.Value.Select(m => FieldMessages.ForPerson(LabelFor(e.Key), m)))
        .ToList());

    public IEnumerable<(string Id, string Message)> Summary => Errors
        .SelectMany(e => e.Value.Select(m => (IdFor(e.Key), FieldMessages.ForPerson(LabelFor(e.Key), m))));

    public LocalTimeField Clock(string field, string formName, LocalTimeInput value, string label, string? hint, bool required = false) =>
        new($"Form.{formName}", field, label, hint, value, required, ErrorsFor(field), Ambiguities.GetValueOrDefault(field));

    [GeneratedRegex(@"^affected\[(\d+)\]\.(jurisdiction|count|estimated)$")]
    private static partial Regex RowField();
}
