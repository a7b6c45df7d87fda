using Compliance.Jobs.People;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Web.Health;

/// <summary>
/// Where the key ring that encrypts affected people's details is, and whether it is itself encrypted. Degraded when
/// it sits in the data folder: one backup of that folder would then hold the people and the keys to read them.
/// </summary>
public sealed class KeyRingHealthCheck(KeyRingOptions keyRing) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>
        {
            ["store"] = keyRing.Store.ToString(),
            ["encryptedAtRest"] = keyRing.ProtectedAtRest,
            ["besideData"] = keyRing.BesideData,
        };
        if (keyRing.Store == KeyStore.Folder) data["folder"] = keyRing.Folder;
        var plain = keyRing.ProtectedAtRest ? "" : " It is not encrypted at rest: set DataProtection:Certificate to a .pfx that encrypts it.";
        return Task.FromResult(keyRing.BesideData
            ? HealthCheckResult.Degraded($"The key ring is in the data folder ({keyRing.Folder}), so one backup holds the data and its keys: move it out and set DataProtection:KeysFolder.{plain}", data: data)
            : HealthCheckResult.Healthy($"The key ring is kept apart from the data.{plain}", data));
    }
}
