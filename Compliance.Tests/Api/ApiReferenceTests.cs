using System.Net;
using Compliance.Tests.Pages.Support;

namespace Compliance.Tests.Api;

/// <summary>The interactive API reference is for people signed in; its page runs no inline script and loads nothing from elsewhere.</summary>
public sealed class ApiReferenceTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task Someone_signed_in_gets_the_page_and_its_bundle_from_this_server()
    {
        var client = await app.SignedInAsync(PagesApp.Viewer);

        var page = await client.GetAsync("/api/reference");
        var html = await page.Content.ReadAsStringAsync();
        var bundle = await client.GetAsync("/api/reference/bundle/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<script type=\"module\">", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("createApiReference", await bundle.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_sign_in()
    {
        using var anonymous = new FormClient(app.Address);
        var response = await anonymous.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
