using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Webhooks;

/// <summary>Marks a filing version filed as the filing page's handler does (through FulfilDuty, naming the version).</summary>
public static class WebhookFilings
{
    public static async Task MarkFiledAsync(ApiWorld world, Guid incident, Guid duty, Guid filing, string reference)
    {
        using var scope = world.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Compliance.Domain.Persistence.ComplianceDbContext>();
        await using (var read = WebhookCalls.Database(world)())
            db.OrganisationScope = read.Obligations.Single(o => o.Id == duty).OrganisationId;
        var legal = new Actor(Guid.NewGuid(), world.EmailOf(Caller.Legal), db.OrganisationScope!.Value, Role.Legal);
        var outcome = await scope.ServiceProvider.GetRequiredService<FulfilDuty>().HandleAsync(legal,
            new FulfilDutyRequest(duty, ApiWorld.Clock.Now, reference, new EvidenceUpload("filing-HK-initial-v1.pdf", "application/pdf", "%PDF-1.4"u8.ToArray()), filing));
        Assert.True(outcome.IsOk, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
    }
}
