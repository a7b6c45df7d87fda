using Compliance.Domain.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace Compliance.Jobs.Webhooks;

/// <summary>Endpoint secrets encrypted with the app's key ring (its own purpose), which lives outside the tables it protects.</summary>
public sealed class DataProtectionWebhookSecrets(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("Compliance.Webhooks.Secret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
