using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Compliance.Domain.Persistence;
using Compliance.Web.Hosting;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// <c>bench web</c>: seeds a federation (organisations, incidents with their duties, affected people) through the real
/// code paths, starts a web node as its own process on that database, signs in as one section's security lead, and
/// drives the dashboard, the incident page, the people page and the API list with C concurrent clients (wrk), then a
/// static file of the dashboard's size from the same node. Prints throughput and p50/p99 per page, the node's peak
/// memory, and last the dashboard's p99 over the static file's p99: the figure that travels between machines.
/// </summary>
public static partial class WebBenchCommand
{
    public const string Usage = "usage: bench web [--organisations N] [--incidents N] [--people N] [--clients C] [--seconds S] [--database sqlite|postgres] [--connection CS] [--keep | --reuse FOLDER]";

    private sealed record Settings(int Organisations, int Incidents, int People, int Clients, int Seconds, DatabaseProvider Provider, string? Server, bool Keep, string? Reuse);

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (Parse(args) is not { } settings)
        {
            await stderr.WriteLineAsync(Usage);
            return CommandLine.BadInput;
        }
        if (settings.Reuse is null && settings.Provider == DatabaseProvider.Postgres && settings.Server is null)
        {
            await stderr.WriteLineAsync($"error: --database postgres needs a server: give --connection or set {BenchDatabase.PostgresVariable}.");
            return CommandLine.BadInput;
        }
        if (Wrk.Missing() is { } missing)
        {
            await stderr.WriteLineAsync($"error: {missing}");
            return CommandLine.BadInput;
        }

        var (reused, seeded, problem) = settings.Reuse is { } folder ? BenchReuse.Open(folder) : (null, null, null);
        if (problem is not null)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return CommandLine.BadInput;
        }
        await using var database = reused ?? await BenchDatabase.CreateAsync("web", settings.Provider, settings.Server, settings.Keep);
        if (seeded is null)
        {
            await stdout.WriteLineAsync($"bench web: {settings.Organisations:N0} organisations, {settings.Incidents:N0} incidents, {settings.People:N0} people on {database.Describe()}; " +
                $"{settings.Clients} clients for {settings.Seconds} s per page; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            seeded = await new WebBenchSeeder(database, clock, stdout).SeedAsync(settings.Organisations, settings.Incidents, settings.People);
            await stdout.WriteLineAsync($"  seeded through the real code paths in {seeded.Seconds:0.0} s: {seeded.Incidents:N0} incidents ({seeded.Incidents / seeded.Seconds:N0}/s with their people), " +
                $"{seeded.Duties:N0} duties, {seeded.People:N0} affected people");
            if (settings.Keep)
            {
                await BenchReuse.SaveAsync(database, seeded);
                await stdout.WriteLineAsync($"  kept in {database.Folder}: measure it again with --reuse {database.Folder}");
            }
        }
        else
            await stdout.WriteLineAsync($"bench web: the federation kept in {database.Folder} ({seeded.Incidents:N0} incidents, {seeded.Duties:N0} duties, {seeded.People:N0} people on {database.Describe()}); " +
                $"{settings.Clients} clients for {settings.Seconds} s per page; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        using var node = await WebNode.StartAsync(database, stderr);
        var cookie = await node.SignInAsync(WebBenchSeeder.LeadEmail, seeded.Password);
        var signedIn = new Dictionary<string, string> { ["Cookie"] = cookie };
        var pages = new (string Name, string Path, Dictionary<string, string> Headers)[]
        {
            ("dashboard", "/", signedIn),
            ("incident page", $"/Incidents/{seeded.BusiestIncident}", signedIn),
            ("people page", $"/Incidents/{seeded.BusiestIncident}/People", signedIn),
            ("API incident list", "/api/v1/incidents", new() { ["Authorization"] = $"Bearer {seeded.ApiToken}" }),
        };
        var dashboardBytes = 0;
        foreach (var page in pages)
        {
            var bytes = await node.FetchAsync(page.Path, page.Headers);
            if (page.Name == "dashboard") dashboardBytes = bytes;
        }
        var all = pages.Append((Name: "static file", Path: $"{WebNode.StaticPath}/{dashboardBytes}", Headers: new Dictionary<string, string>())).ToList();
        // Warm-up: the JIT's later tiers take tens of seconds of traffic to replace the first code (a node measured cold
        // spent 5 ms a dashboard, warm 1.2 ms, and the incident page still sped up by a tenth between 10 and 40 s of
        // traffic); caches and pools fill. A node serves for days: the figures are its steady state.
        foreach (var page in all) await Wrk.RunAsync(node.Url + page.Path, settings.Clients, Math.Min(20, 2 * settings.Seconds), page.Headers);

        var results = new List<(string Name, Wrk.Result Result, int Bytes)>();
        foreach (var page in all)
        {
            var result = await Wrk.RunAsync(node.Url + page.Path, settings.Clients, settings.Seconds, page.Headers);
            var bytes = page.Name == "static file" ? dashboardBytes : await node.FetchAsync(page.Path, page.Headers);
            results.Add((page.Name, result, bytes));
            await stdout.WriteLineAsync($"  {page.Name,-18} {result.RequestsPerSecond,8:N0} req/s  p50 {Ms(result.P50Ms),7} ms  p99 {Ms(result.P99Ms),7} ms  " +
                $"{bytes,7:N0} bytes{(result.Non2xx + result.Errors > 0 ? $"  ({result.Non2xx:N0} non-2xx, {result.Errors:N0} socket errors)" : "")}");
        }
        await stdout.WriteLineAsync($"  web node peak memory: {node.PeakMegabytes():N0} MB (VmHWM of the node's process, seeding not included)");
        var failures = results.Sum(r => r.Result.Non2xx + r.Result.Errors);
        var ratio = results[0].Result.P99Ms / results[^1].Result.P99Ms;
        await stdout.WriteLineAsync($"p99 ratio to static: {ratio.ToString("0.0", CultureInfo.InvariantCulture)}");
        if (failures == 0) return CommandLine.Ok;
        await stderr.WriteLineAsync($"{failures:N0} requests failed or were refused; the figures above include them.");
        return CommandLine.Failed;
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static Settings? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i] == "--reuse" && i + 1 < args.Length) options["reuse"] = args[++i];
            else if (args[i] is "--organisations" or "--incidents" or "--people" or "--clients" or "--seconds" or "--database" or "--connection" && i + 1 < args.Length)
                options[args[i][2..]] = args[++i];
            else return null;
        }
        int? Number(string name, int fallback, int min, int max) =>
            !options.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
        if (Number("organisations", 1_000, 1, 100_000) is not { } organisations || Number("incidents", 10_000, 1, 10_000_000) is not { } incidents
            || Number("people", 1_000_000, 0, 100_000_000) is not { } people || Number("clients", 50, 1, 10_000) is not { } clients
            || Number("seconds", 10, 1, 3_600) is not { } seconds)
            return null;
        if (BenchDatabase.Choose(options) is not var (provider, server)) return null;
        var reuse = options.GetValueOrDefault("reuse");
        if (reuse is not null && (keep || options.Keys.Any(k => k is "organisations" or "incidents" or "people" or "database" or "connection"))) return null;   // the kept run decided those
        return new Settings(organisations, incidents, people, clients, seconds, provider, server, keep, reuse);
    }

    /// <summary>The web node under test: the app as <c>serve</c> runs it, in its own process, plus one static file.</summary>
    private sealed partial class WebNode(Process process, string url) : IDisposable
    {
        public const string StaticPath = "/bench/static";
        public string Url { get; } = url;

        private readonly HttpClient client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(url) };

        public static async Task<WebNode> StartAsync(BenchDatabase database, TextWriter stderr)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = database.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(WebBenchCommand).Assembly.Location);
            // Run as a federation's web nodes are, jobs left to workers (measured by `bench sweep` and `bench notices`).
            var settings = new[] { "web-node", "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", "--Scheduler:Enabled=false" };
            foreach (var a in settings.Concat(database.Arguments)) start.ArgumentList.Add(a);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) stderr.WriteLine($"  [web node] {line}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var node = new WebNode(process, $"http://127.0.0.1:{port}");
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (process.HasExited) throw new InvalidOperationException($"the web node stopped at start (exit code {process.ExitCode})");
                try
                {
                    using var health = await node.client.GetAsync("/health");
                    if (health.StatusCode == HttpStatusCode.OK) return node;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(250);
            }
            node.Dispose();
            throw new InvalidOperationException("the web node did not answer /health within two minutes");
        }

        /// <summary>Signs in through the sign-in form, as a browser does; returns the Cookie header of the session.</summary>
        public async Task<string> SignInAsync(string email, string password)
        {
            using var form = await client.GetAsync("/Account/Login");
            var html = await form.Content.ReadAsStringAsync();
            var antiforgery = Cookies(form);
            var token = AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException("the sign-in page has no antiforgery token");
            using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token }),
            };
            post.Headers.Add("Cookie", antiforgery);
            using var signedIn = await client.SendAsync(post);
            var session = Cookies(signedIn);
            if (signedIn.StatusCode != HttpStatusCode.Redirect || !session.Contains("compliance.session=", StringComparison.Ordinal))
                throw new InvalidOperationException($"signing in as {email} failed: HTTP {(int)signedIn.StatusCode} to {signedIn.Headers.Location}");
            return session;
        }

        /// <summary>One GET that must succeed; returns the body's length in bytes.</summary>
        public async Task<int> FetchAsync(string path, IReadOnlyDictionary<string, string> headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: HTTP {(int)response.StatusCode}");
            return body.Length;
        }

        public long PeakMegabytes()
        {
            var status = File.ReadAllText($"/proc/{process.Id}/status");
            return VmHwm().Match(status) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : -1;
        }

        private static string Cookies(HttpResponseMessage response) =>
            string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            client.Dispose();
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            process.Dispose();
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryField();

        [GeneratedRegex(@"VmHWM:\s+(\d+) kB")]
        private static partial Regex VmHwm();
    }

    /// <summary>
    /// <c>bench web-node</c>: the web app exactly as <c>serve</c> builds it, plus <c>/bench/static/N</c> serving N bytes
    /// the way the app serves its own assets, so the static file goes through the same pipeline and process.
    /// </summary>
    public static async Task<int> ServeNodeAsync(string[] args, IClock clock)
    {
        var app = await AppHost.BuildAsync(args, clock);
        var files = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
        app.MapGet(WebNode.StaticPath + "/{bytes:int:range(1,10000000)}", (int bytes) =>
            Results.Bytes(files.GetOrAdd(bytes, n => System.Text.Encoding.ASCII.GetBytes(new string('x', n))), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        await app.RunAsync();
        return CommandLine.Ok;
    }
}
