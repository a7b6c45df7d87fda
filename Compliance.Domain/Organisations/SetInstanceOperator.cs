using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// Makes an account an operator of this installation (who may open the job dashboard, which shows every
/// organisation's jobs), or no longer one. Only the server's command line does, never the web; the change goes to
/// the audit log of every organisation, since it is every organisation's data the operator can then see.
/// </summary>
public sealed class SetInstanceOperator(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(string Email, bool Operator);

    public sealed record Result(User User, bool Changed);

    public async Task<Outcome<Result>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (actor.UserId != Guid.Empty) return Outcome<Result>.Forbidden();
        var normalized = request.Email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null) return Outcome<Result>.NotFound();
        if (user.InstanceOperator == request.Operator) return Outcome<Result>.Ok(new Result(user, false));
        user.InstanceOperator = request.Operator;   // the dashboard reads it on every request: a revocation holds at once
        var audit = new AuditLog(db, clock);
        foreach (var orgId in await db.Organisations.Select(x => x.Id).ToListAsync(ct))
            await audit.AppendAsync(orgId, null, actor.Email, request.Operator ? "operator.granted" : "operator.revoked", new { user = user.Email }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Result>.Ok(new Result(user, true));
    }
}
