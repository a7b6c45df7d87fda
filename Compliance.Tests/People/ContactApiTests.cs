using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using Compliance.Web.Api;

namespace Compliance.Tests.People;

/// <summary>GET/POST /incidents/{id}/contacts: who may record a manual contact, bad input named by field, other organisations see nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContactApiTests(ApiServers servers)
{
    // Alpha's incident has no imported people: a well-formed contact is refused for its person, after the role was checked.
    private static string Body(string personId = "8b0c6a52-2f49-4a8e-9d2e-0c1f5d7a9e11", string method = "phone", string at = "2019-03-16T09:00:00+08:00") =>
        $$"""{ "personId": "{{personId}}", "method": "{{method}}", "outcome": "reached", "contactedAt": "{{at}}", "notes": "Called." }""";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Recording_roles_get_past_the_door_others_are_refused_and_other_organisations_get_404(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var path = $"/api/v1/incidents/{world.IncidentId}/contacts";
        foreach (var caller in new[] { Caller.Admin, Caller.SecurityLead, Caller.ResponderOnThisIncident })
        {
            using var allowed = await world.PostJsonAsync(caller, path, Body());
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode); // allowed in, then told the person is unknown
            Assert.Contains("not one of this incident's affected people", IncidentStoryTests.ErrorsOf(await allowed.Content.ReadAsStringAsync(), "personId"));
        }
        foreach (var caller in new[] { Caller.Legal, Caller.Viewer })
        {
            using var refused = await world.PostJsonAsync(caller, path, Body());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        foreach (var caller in new[] { Caller.OtherOrganisation, Caller.ResponderOnAnotherIncident })
        {
            using var hidden = await world.PostJsonAsync(caller, path, Body());
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            using var hiddenList = await world.GetAsync(caller, path);
            Assert.Equal(HttpStatusCode.NotFound, hiddenList.StatusCode);
        }
        using var list = await world.GetAsync(Caller.ResponderOnThisIncident, path);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, (await world.ReadJsonAsync(list)).GetProperty("contacts").GetArrayLength());
        using var viewer = await world.GetAsync(Caller.Viewer, path);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_fields_are_named_in_a_problem(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var path = $"/api/v1/incidents/{world.IncidentId}/contacts";
        (string Body, string Field, string Words)[] cases =
        [
            (Body(personId: "Ng Ka Yan"), "personId", "UUID"),
            (Body(method: "email"), "method", "in-person"),
            (Body(at: "yesterday"), "contactedAt", "ISO 8601"),
            ("""{ "personId": "8b0c6a52-2f49-4a8e-9d2e-0c1f5d7a9e11", "method": "phone", "contactedAt": "2019-03-16T09:00:00+08:00" }""", "outcome", "required"),
        ];
        foreach (var (body, field, words) in cases)
        {
            using var response = await world.PostJsonAsync(Caller.SecurityLead, path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains(words, IncidentStoryTests.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        }
    }
}

public sealed class ObligationPeopleCountsTests
{
    [Fact]
    public void The_obligation_resource_carries_the_people_counts_only_once_they_are_counted()
    {
        var duty = new Compliance.Domain.Obligations.Obligation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "HK", Compliance.Domain.Vocabulary.Recipient.Individuals,
            "Data subjects", "initial", false, null, null, null, "Asia/Hong_Kong", "hk-pdpo-individuals", "2023-06", "Tell them.", [], "S",
            NodaTime.Instant.FromUtc(2019, 3, 15, 1, 0));
        Assert.Null(ObligationResource.From(duty, NodaTime.Instant.FromUtc(2019, 4, 1, 0, 0)).People);

        Assert.True(duty.CountPeople(7, 2, 1, NodaTime.Instant.FromUtc(2019, 4, 25, 10, 0)));
        Assert.False(duty.CountPeople(7, 2, 1, NodaTime.Instant.FromUtc(2019, 4, 26, 10, 0))); // the same counts: nothing to record
        var people = ObligationResource.From(duty, NodaTime.Instant.FromUtc(2019, 5, 1, 0, 0)).People!;
        Assert.Equal((7, 2, 1, 10), (people.Notified, people.Pending, people.Unreachable, people.Total));
        Assert.Equal("2019-04-25T18:00:00+08:00", people.CountedAt);
    }
}
