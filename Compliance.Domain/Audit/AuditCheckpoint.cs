using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Audit;

/// <summary>
/// A signed statement, kept outside the database, that an organisation's log held entry <see cref="Sequence"/> with
/// <see cref="Hash"/> at <see cref="At"/>. A log that later ends before it, or whose entry differs, was tampered with.
/// </summary>
public sealed record AuditCheckpoint(Guid OrganisationId, string Slug, long Sequence, string Hash, Instant At)
{
    public string Canonical() => string.Join('\n', "checkpoint.v1", OrganisationId.ToString("N"), Slug,
        Sequence.ToString(CultureInfo.InvariantCulture), Hash, InstantPattern.ExtendedIso.Format(At));
}
