using System.Text;
using Compliance.Domain.Obligations;
using Compliance.Domain.Tasks;
using NodaTime;

namespace Compliance.Web.Features.Calendars;

/// <summary>
/// GET /calendar/{userIdN}/{secret}.ics: a person's secret feed of their organisation's open deadlines. Calendar
/// apps cannot sign in, so the secret in the address is the credential; only its hash is stored, and any wrong
/// part of the address answers 404, the same as an address that never existed.
/// </summary>
public static class CalendarFeed
{
    private const string MappedKey = "Compliance.Calendar.Mapped";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Mapping twice would make the route ambiguous; tests map it while the host may already do so.
        if (endpoints is IApplicationBuilder app && !app.Properties.TryAdd(MappedKey, true)) return;
        endpoints.MapGet("/calendar/{userId}/{secret}.ics", ServeAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ServeAsync(string userId, string secret, HttpContext http, CalendarSubscribers subscribers,
        OpenDuties openDuties, OpenTasks tasks, IClock clock)
    {
        var ct = http.RequestAborted;
        if (!Guid.TryParseExact(userId, "N", out var id)) return Results.NotFound();
        if (await subscribers.FindAsync(id, secret, ct) is not { } actor) return Results.NotFound();

        var duties = await openDuties.ReadAsync(actor, ct);
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        http.Response.Headers.CacheControl = "private, no-store";
        var open = await tasks.ListAsync(actor, ct);
        return Results.Text(DeadlineCalendar.Write(duties.Select(d => (d.Obligation, d.Incident)), site, clock.GetCurrentInstant(), open),
            "text/calendar; charset=utf-8", Encoding.UTF8);
    }
}
