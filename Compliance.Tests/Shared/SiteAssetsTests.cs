using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

using Compliance.Tests.Pages;

namespace Compliance.Tests.Shared;

public sealed class SiteAssetsTests
{
    [Fact]
    public async Task The_favicon_is_served_where_browsers_ask_for_it_and_pages_link_their_own_and_a_skip_link()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(db, FixedClock.At("2026-11-22T08:00:00Z"), "--Scheduler:Enabled=false");

        var ico = await app.Client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..4]); // an ICO file

        var login = await app.Client.GetStringAsync("/Account/Login");
        var svgHref = System.Text.RegularExpressions.Regex.Match(login, "<link rel=\"icon\" href=\"([^\"]+)\"").Groups[1].Value;
        var svg = await app.Client.GetAsync(svgHref);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", login);
    }
}
