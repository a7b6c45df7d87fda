using Compliance.Domain.Idempotency;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs that send or file (approve a campaign, resend, send a test, mark a filing
/// filed, ...): a tool that lost the answer to a network error retries with the same key and gets the first answer
/// again, and nothing is sent or filed twice. The claim is its own committed row, taken before the command runs, so
/// two retries racing each other cannot both run it. Keys live a day; a key reused for another request is a 422.
/// Without the header the POST runs as usual.
/// </summary>
public sealed class Idempotency(Func<ComplianceDbContext> contexts, IClock clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public static readonly Duration Window = Duration.FromHours(24);
    // Room for the largest body a keyed POST takes: an evidence file with its form.
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0) return await next(context);
        if (key.Length > IdempotentRequest.KeyLength || key.Any(c => c < 0x21 || c > 0x7e))
            return ApiResults.Invalid(Header, $"must be 1 to {IdempotentRequest.KeyLength} visible ASCII characters, e.g. a UUID.");

        var actor = http.Actor();
        var path = http.Request.Path.Value ?? "";
        var fingerprint = await RequestFingerprint.OfAsync(http.Request, path, MaxBodyBytes, http.RequestAborted);
        if (fingerprint is null) return ApiResults.Invalid("$", $"A request with {Header} may carry at most {MaxBodyBytes / 1024} KiB.");

        await using var db = contexts();
        var now = clock.GetCurrentInstant();
        var claim = new IdempotentRequest(actor.OrganisationId, actor.UserId, key, http.Request.Method, path, fingerprint, now);
        var earlier = await ClaimAsync(db, claim, now, http.RequestAborted);
        if (earlier is not null) return Answer(earlier, claim);

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ForgetAsync(db, claim);
            throw;
        }
        if (result is not IResult answer) return result;

        // Run the answer into a buffer so that it can be kept, then send the same bytes.
        var real = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try { await answer.ExecuteAsync(http); }
        finally { http.Response.Body = real; }

        var status = http.Response.StatusCode;
        if (status >= 500) await ForgetAsync(db, claim);
        else
        {
            claim.Complete(status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                buffer.ToArray(), clock.GetCurrentInstant());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(real, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Takes the key, or returns the request that already holds it.</summary>
    private static async Task<IdempotentRequest?> ClaimAsync(ComplianceDbContext db, IdempotentRequest claim, Instant now, CancellationToken ct)
    {
        var expired = now - Window;
        await db.IdempotentRequests.IgnoreQueryFilters()
            .Where(r => r.OrganisationId == claim.OrganisationId && r.CreatedAt < expired)
            .ExecuteDeleteAsync(ct);
        var held = await FindAsync(db, claim, ct);
        if (held is not null) return held;
        db.IdempotentRequests.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another request took the key between the read and the insert.
            db.Entry(claim).State = EntityState.Detached;
            return await FindAsync(db, claim, ct) ?? throw new InvalidOperationException("An idempotency key was neither free nor held.");
        }
    }

    private static Task<IdempotentRequest?> FindAsync(ComplianceDbContext db, IdempotentRequest claim, CancellationToken ct) =>
        db.IdempotentRequests.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.OrganisationId == claim.OrganisationId && r.Key == claim.Key, ct);

    private static IResult Answer(IdempotentRequest earlier, IdempotentRequest retry)
    {
        if (earlier.UserId != retry.UserId || earlier.Method != retry.Method || earlier.Path != retry.Path || earlier.Fingerprint != retry.Fingerprint)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"This {Header} was used for a different request.",
                detail: "Use a new key for a new request; a key repeats only the request it was first sent with.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Header] = ["was used for a different request."] } });
        if (!earlier.IsComplete)
            return new RetryLater();
        return new Replay(earlier);
    }

    private static async Task ForgetAsync(ComplianceDbContext db, IdempotentRequest claim)
    {
        db.IdempotentRequests.Remove(claim);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private sealed class RetryLater : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"A request with this {Header} is still running.",
                detail: "Retry in a moment to get its answer.").ExecuteAsync(http);
        }
    }

    private sealed class Replay(IdempotentRequest earlier) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = earlier.StatusCode!.Value;
            if (earlier.ContentType is { } type) http.Response.ContentType = type;
            if (earlier.Location is { } location) http.Response.Headers.Location = location;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            await http.Response.Body.WriteAsync(earlier.Body ?? [], http.RequestAborted);
        }
    }
}

public static class IdempotencyEndpoints
{
    /// <summary>Accepts an Idempotency-Key on this POST (and says so in the OpenAPI document).</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<Idempotency>()
            .WithMetadata(new IdempotentOperation())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Marks an operation that takes an Idempotency-Key (read by <see cref="IdempotencyKeyParameter"/>).</summary>
public sealed class IdempotentOperation;
