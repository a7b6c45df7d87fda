using Compliance.Domain.Persistence;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Organisations;

// The web host pools its database contexts: the context one request released is the next request's. The organisation
// a request confined it to must not travel with it.
public sealed class PooledContextTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task A_released_context_reaches_the_next_request_without_the_last_ones_organisation()
    {
        ComplianceDbContext first;
        await using (var request = app.Services.CreateAsyncScope())
        {
            first = request.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            first.OrganisationScope = Guid.NewGuid();
            Assert.Equal(0, await first.Incidents.CountAsync());   // confined to an organisation with no incident
        }

        await using var next = app.Services.CreateAsyncScope();
        var reused = next.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        Assert.Same(first, reused);                  // pooled: the same instance
        Assert.Null(reused.OrganisationScope);       // but not confined to the last request's organisation
        Assert.Equal(2, await reused.Incidents.CountAsync());   // the demo organisation's two incidents, seen as system work
    }
}
