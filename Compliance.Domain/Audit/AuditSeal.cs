using System.Security.Cryptography;
using System.Text;

namespace Compliance.Domain.Audit;

/// <summary>
/// The secret that keys the audit chain (HMAC-SHA256) and signs its checkpoints. It never enters the database: it
/// comes from configuration (<c>Audit:Key</c>) or from a key file beside the key ring, created on first use and
/// readable by its owner only. Someone who can write the database but lacks it cannot compute a valid entry.
/// </summary>
public sealed class AuditSeal
{
    public const int KeyBytes = 32;

    private readonly Lazy<byte[]> key;
    private readonly Lazy<byte[]> checkpointKey;

    private AuditSeal(Func<byte[]> load)
    {
        key = new Lazy<byte[]>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        // A separate key for checkpoints, so that no checkpoint signature can pass for an entry's hash or the reverse.
        checkpointKey = new Lazy<byte[]>(() => HMACSHA256.HashData(key.Value, "compliance.audit.checkpoint.v1"u8));
    }

    public static AuditSeal FromKey(byte[] key) =>
        key.Length >= KeyBytes ? new AuditSeal(() => key.ToArray())
            : throw new ArgumentException($"An audit key needs at least {KeyBytes} bytes.", nameof(key));

    /// <summary>The key in <paramref name="path"/>, created (random, mode 0600) the first time it is needed.</summary>
    public static AuditSeal FromFile(string path) => new(() => LoadOrCreate(path));

    /// <summary>Reads (or creates) the key now: serving and workers call it at start-up, so a bad key file stops them in one sentence.</summary>
    public void EnsureAvailable() => _ = key.Value;

    public string Mac(string canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(canonical)));

    public string Sign(string canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(checkpointKey.Value, Encoding.UTF8.GetBytes(canonical)));

    public bool SignatureMatches(string canonical, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(canonical)), Encoding.ASCII.GetBytes(signature));

    private static byte[] LoadOrCreate(string path)
    {
        try
        {
            return File.Exists(path) ? Read(path) : Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new Persistence.ConfigurationProblem(
                $"The audit key '{path}' cannot be read or created ({e.Message.TrimEnd('.')}); fix the file or set Audit:Folder or Audit:Key.", e);
        }
    }

    private static byte[] Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fresh = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(path, options))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh) + "\n"));
                file.Flush(flushToDisk: true);
            }
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path); // another process created it first: everyone uses the winner's
        }
    }

    private static byte[] Read(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            // The creator may not have written it yet: wait a moment rather than take an empty key.
            if (text.Length == 0 && attempt < 50) { Thread.Sleep(20); continue; }
            try
            {
                var key = Convert.FromBase64String(text);
                if (key.Length >= KeyBytes) return key;
            }
            catch (FormatException) { }
            throw new InvalidOperationException($"The audit key file '{path}' does not hold a base64 key of {KeyBytes} bytes or more.");
        }
    }
}
