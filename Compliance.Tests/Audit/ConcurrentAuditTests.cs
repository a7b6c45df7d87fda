using System.Net.Http.Headers;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Compliance.Tests.Api;

namespace Compliance.Tests.Audit;

public sealed class ConcurrentAuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Twenty_simultaneous_writes_and_logged_reads_in_one_organisation_all_succeed_in_one_intact_chain(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var database = world.App.Services.GetRequiredService<Compliance.Jobs.Hosting.AppConfiguration>().Database;
        await using var before = ComplianceDatabase.CreateContext(database);
        var start = await before.AuditEntries.CountAsync();

        // Ten timeline entries (writes) and ten CSV exports of the audit log (reads that are themselves audited), at once.
        var requests = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? world.PostJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{world.IncidentId}/timeline",
                $$"""{ "at": "2019-03-16T09:{{i:00}}:00+08:00", "description": "Step {{i}} of the investigation." }""")
            : world.SendAsync(Caller.Legal, HttpMethod.Get, $"/api/v1/incidents/{world.IncidentId}/audit",
                configure: r => r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"))));
        var responses = await Task.WhenAll(requests);

        foreach (var response in responses)
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var read = ComplianceDatabase.CreateContext(database);
        var entries = await read.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(start + 20, entries.Count);
        Assert.Equal(10, entries.Skip(start).Count(e => e.Action == "timeline.added"));
        Assert.Equal(10, entries.Skip(start).Count(e => e.Action == "audit.exported"));
        // In order: within each organisation, numbers follow the order the rows were written in, without a gap.
        foreach (var org in entries.GroupBy(e => e.OrganisationId))
        {
            Assert.Equal(Enumerable.Range(1, org.Count()).Select(n => (long)n), org.Select(e => e.Sequence));
            Assert.True((await new AuditLog(read, ApiWorld.Clock).VerifyAsync(org.Key)).Intact);
        }
    }
}
