using Compliance.Domain.Audit;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Audit;

/// <summary>The audit page's filters as query parameters; a bad one is a 400 naming the parameter.</summary>
public static class AuditQuery
{
    private static readonly HashSet<string> Known = ["actor", "kind", "from", "to", "incident", "includeReads", "limit", "after"];

    public static (OrganisationAudit.Filter? Filter, IResult? Problem) Read(IQueryCollection query, DateTimeZone zone, long? before)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var unknown in query.Keys.Where(k => !Known.Contains(k)))
            errors[unknown] = [$"is not a filter of the audit log; use {string.Join(", ", Known)}."];
        var actor = query["actor"].ToString() is { Length: > 0 } a ? a : null;
        string? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } k)
        {
            kind = AuditActions.Groups.FirstOrDefault(g => string.Equals(g, k, StringComparison.OrdinalIgnoreCase));
            if (kind is null) errors["kind"] = [$"'{k}' is not one of {string.Join(", ", AuditActions.Groups)}."];
        }
        var from = Bound(query, "from", zone, endOfDay: false, errors);
        var to = Bound(query, "to", zone, endOfDay: true, errors);
        if (from is { } f && to is { } t && t <= f) errors["to"] = ["must be after from."];
        Guid? incident = null;
        if (query["incident"].ToString() is { Length: > 0 } i)
        {
            if (Guid.TryParse(i, out var id)) incident = id;
            else errors["incident"] = [$"'{i}' is not an incident id."];
        }
        var includeReads = false;
        if (query["includeReads"].ToString() is { Length: > 0 } r && !bool.TryParse(r, out includeReads))
            errors["includeReads"] = [$"'{r}' is not true or false."];
        return errors.Count > 0
            ? (null, ApiResults.Invalid(errors))
            : (new OrganisationAudit.Filter(actor, kind, from, to, includeReads, incident, before), null);
    }

    // A date is a whole day in the organisation's zone ("to" includes it); an instant with its offset is exact ("to" excludes it).
    private static Instant? Bound(IQueryCollection query, string name, DateTimeZone zone, bool endOfDay, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } day)
            return (endOfDay ? day.Value.PlusDays(1) : day.Value).AtStartOfDayInZone(zone).ToInstant();
        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } at) return at.Value.ToInstant();
        errors[name] = [$"'{text}' is neither a date such as 2026-11-22 nor an ISO instant with its offset such as 2026-11-22T09:30:00+08:00."];
        return null;
    }
}
