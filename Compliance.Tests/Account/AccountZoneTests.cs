using System.Net;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Account;

public sealed class AccountZoneTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task A_person_chooses_the_zone_deadlines_are_shown_in()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var saved = await legal.PostAsync("/Account/Security", "/Account/Security?handler=TimeZone", ("TimeZone", "Europe/London"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("zone-saved", await saved.Content.ReadAsStringAsync());
        Assert.Equal("Europe/London", await app.ReadAsync(db => db.Users.Where(u => u.Email == PagesApp.Legal).Select(u => u.TimeZone).SingleAsync()));

        var dashboard = await legal.HtmlAsync("/");
        Assert.Contains("Europe/London", dashboard);
    }
}
