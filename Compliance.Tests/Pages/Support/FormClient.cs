using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Compliance.Tests.Pages.Support;

/// <summary>
/// A cookie-keeping client that uses the pages as a browser would: it takes the antiforgery token from the page
/// that holds the form and posts the form's fields. Redirects are not followed, so tests can see them.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly Uri address;
    private readonly CookieContainer cookies;
    private readonly HttpClient http;

    /// <param name="cookies">Shared with another client on another node, they are one browser behind a load balancer.</param>
    public FormClient(Uri address, CookieContainer? cookies = null)
    {
        this.address = address;
        this.cookies = cookies ?? new();
        http = new(new HttpClientHandler { CookieContainer = this.cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }


    /// <summary>The cookies this client would send, as a Cookie header: what a thief copying the session would hold.</summary>
    public string CookieHeader => cookies.GetCookieHeader(address);

    public async Task<HttpResponseMessage> GetAsync(string path) => await http.GetAsync(path);

    public async Task<string> HtmlAsync(string path)
    {
        var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts the fields to <paramref name="action"/> with the antiforgery token of the page the form is on.</summary>
    public async Task<HttpResponseMessage> PostAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        body.Add(new("__RequestVerificationToken", await TokenAsync(formPage)));
        return await http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    /// <summary>Posts the fields to <paramref name="action"/> with a token taken elsewhere (from another node's page, say).</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string action, string token, params (string Name, string Value)[] fields)
    {
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        body.Add(new("__RequestVerificationToken", token));
        return await http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, (string Name, string Value)[] fields,
        (string Name, string FileName, string ContentType, byte[] Content)? file)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        body.Add(new StringContent(await TokenAsync(formPage)), "__RequestVerificationToken");
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            body.Add(content, f.Name, f.FileName);
        }
        return await http.PostAsync(action, body);
    }

    /// <summary>A POST as a script would send it, with a header of its choosing (e.g. an antiforgery header) or none.</summary>
    public async Task<HttpResponseMessage> RawPostAsync(string path, HttpContent body, (string Name, string Value)? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        if (header is { } h) request.Headers.Add(h.Name, h.Value);
        return await http.SendAsync(request);
    }

    public async Task SignInAsync(string email, string password)
    {
        var response = await PostAsync("/Account/Login", "/Account/Login", ("Email", email), ("Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {email} answered {(int)response.StatusCode}");
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await HtmlAsync(page);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{page} has no form with an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
