using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Audit;

/// <summary>
/// Signed checkpoints of every organisation's log in a folder outside the database (beside the audit key): one file
/// per organisation, one JSON line per checkpoint, only ever appended to. Someone who can write the database cannot
/// reach them, so a log cut below, deleted under or rewritten beneath its last checkpoint is found by
/// <c>audit verify</c>. Copy the folder off the machine as well (backups, or mail) to keep it from someone who can
/// also write files on the server.
/// </summary>
public sealed class AuditCheckpoints(string folder, AuditSeal seal)
{
    private const string Extension = ".checkpoints";

    public sealed record Reading(AuditCheckpoint? Latest, IReadOnlyList<string> Problems);

    private sealed record Line(Guid Organisation, string Slug, long Sequence, string Hash, string At, string Signature);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Appends a checkpoint of the log's last entry, unless the last checkpoint already holds it.</summary>
    public async Task<bool> WriteAsync(Guid organisationId, string slug, AuditEntry last, Instant at, CancellationToken ct = default) =>
        await WriteAsync(organisationId, slug, last, at, (await ReadAsync(organisationId, ct)).Latest, ct);

    /// <summary>The same, for a caller that has just read the organisation's checkpoints (<paramref name="latest"/>).</summary>
    public async Task<bool> WriteAsync(Guid organisationId, string slug, AuditEntry last, Instant at, AuditCheckpoint? latest, CancellationToken ct = default)
    {
        if (latest is not null && latest.Sequence == last.Sequence && latest.Hash == last.Hash) return false;
        var checkpoint = new AuditCheckpoint(organisationId, slug, last.Sequence, last.Hash, at);
        var line = JsonSerializer.Serialize(new Line(organisationId, slug, last.Sequence, last.Hash,
            InstantPattern.ExtendedIso.Format(at), seal.Sign(checkpoint.Canonical())), Json) + "\n";
        Directory.CreateDirectory(folder);
        // One short append per line: O_APPEND keeps concurrent writers' lines whole.
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(PathOf(organisationId), options);
        await file.WriteAsync(Encoding.UTF8.GetBytes(line), ct);
        await file.FlushAsync(ct);
        return true;
    }

    /// <summary>The organisation's latest correctly signed checkpoint, and every line that is not one.</summary>
    public async Task<Reading> ReadAsync(Guid organisationId, CancellationToken ct = default)
    {
        var path = PathOf(organisationId);
        if (!File.Exists(path)) return new(null, []);
        AuditCheckpoint? latest = null;
        var problems = new List<string>();
        var number = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, ct))
        {
            number++;
            if (text.Length == 0) continue;
            var checkpoint = Parse(text);
            if (checkpoint is null || checkpoint.Value.Checkpoint.OrganisationId != organisationId
                || !seal.SignatureMatches(checkpoint.Value.Checkpoint.Canonical(), checkpoint.Value.Signature))
            {
                problems.Add($"line {number} of {path} is not a checkpoint signed with this audit key");
                continue;
            }
            if (latest is null || checkpoint.Value.Checkpoint.Sequence >= latest.Sequence) latest = checkpoint.Value.Checkpoint;
        }
        return new(latest, problems);
    }

    /// <summary>Organisations that have checkpoints, whether or not the database still knows them.</summary>
    public IEnumerable<Guid> Organisations() =>
        !Directory.Exists(folder) ? []
            : Directory.EnumerateFiles(folder, "*" + Extension)
                .Select(f => Guid.TryParseExact(Path.GetFileNameWithoutExtension(f), "N", out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty);

    private string PathOf(Guid organisationId) => Path.Combine(folder, organisationId.ToString("N") + Extension);

    private static (AuditCheckpoint Checkpoint, string Signature)? Parse(string text)
    {
        try
        {
            var line = JsonSerializer.Deserialize<Line>(text, Json);
            if (line is null || InstantPattern.ExtendedIso.Parse(line.At) is not { Success: true } at) return null;
            return (new AuditCheckpoint(line.Organisation, line.Slug ?? "", line.Sequence, line.Hash ?? "", at.Value), line.Signature ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
