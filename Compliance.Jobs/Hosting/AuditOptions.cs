using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.Hosting;

/// <summary>
/// The audit key and the checkpoints (<c>Audit:*</c>), both outside the database. By default they live in
/// <c>audit/</c> beside the Data Protection key folder: <c>audit/chain.key</c> (created on first use, mode 0600) and
/// <c>audit/checkpoints/</c>. <c>Audit:Key</c> (base64, 32 bytes or more; pass it as an environment variable) replaces
/// the key file, for installations whose web nodes and workers share no folder.
/// </summary>
public sealed record AuditOptions(AuditSeal Seal, string Folder, int CheckpointMinutes)
{
    public string CheckpointFolder => Path.Combine(Folder, "checkpoints");

    public static string KeyFile(string folder) => Path.Combine(folder, "chain.key");

    public static AuditOptions Read(IConfiguration config, string keyRingFolder)
    {
        var folder = Path.GetFullPath(config["Audit:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyRingFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "audit"));
        var seal = config["Audit:Key"] is { Length: > 0 } text ? FromBase64(text) : AuditSeal.FromFile(KeyFile(folder));
        return new AuditOptions(seal, folder, Settings.Int(config, "Audit:CheckpointMinutes", 60, 1, 1440));
    }

    private static AuditSeal FromBase64(string text)
    {
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            if (key.Length >= AuditSeal.KeyBytes) return AuditSeal.FromKey(key);
        }
        catch (FormatException) { }
        throw new ConfigurationProblem($"Audit:Key must be base64 of {AuditSeal.KeyBytes} random bytes or more, e.g. the output of 'openssl rand -base64 32'.");
    }
}
