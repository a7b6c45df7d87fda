using System.Net;
using System.Text.RegularExpressions;

namespace Compliance.Tests.Support;

/// <summary>A cookie-keeping HTTP client that fills forms the way a browser would, antiforgery token included.</summary>
public sealed partial class BrowserlessClient : IDisposable
{
    private readonly HttpClient http;

    public BrowserlessClient(Uri baseAddress)
    {
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>GETs the page, takes its antiforgery token, and POSTs the fields to the form's action (or the page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await (await http.GetAsync(page)).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        var body = new Dictionary<string, string>(fields);
        if (token.Success) body["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await http.PostAsync(action ?? page, new FormUrlEncodedContent(body));
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
