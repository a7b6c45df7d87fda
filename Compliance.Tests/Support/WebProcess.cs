using System.Diagnostics;
using Compliance.Domain.Persistence;

namespace Compliance.Tests.Support;

/// <summary>
/// The web application (Compliance.Web.dll) as its own process on a loopback port, as one node of several: it runs
/// in a folder of its own, so its data folder (<c>./data</c> beside PostgreSQL) is its own too.
/// </summary>
public sealed class WebProcess : IDisposable
{
    private readonly Process process;

    private WebProcess(Process process, Uri address, string folder)
    {
        this.process = process;
        Address = address;
        Folder = folder;
    }

    public Uri Address { get; }

    /// <summary>The node's working folder; its data folder is <c>data/</c> in it.</summary>
    public string Folder { get; }

    public bool HasExited => process.HasExited;

    /// <param name="log">Collects what the node writes (stdout and stderr).</param>
    public static WebProcess Start(DatabaseOptions db, List<string> log, params string[] extra)
    {
        var port = SinkProcess.FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "compliance-tests", $"web-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var dll = Path.Combine(AppContext.BaseDirectory, "Compliance.Web.dll");
        var psi = new ProcessStartInfo("dotnet",
        [
            dll, $"--urls=http://127.0.0.1:{port}", .. db.Arguments(),
            $"--Audit:Folder={Path.Combine(folder, "audit")}", "--Logging:LogLevel:Default=Warning", .. extra,
        ]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        var process = Process.Start(psi)!;
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is { } line) lock (log) log.Add($"web:{port} {line}");
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WebProcess(process, new Uri($"http://127.0.0.1:{port}"), folder);
    }

    /// <summary>Returns once the node answers /health, or throws when it exits or does not answer in time.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"the web node at {Address} did not start (exited: {process.HasExited})");
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException) { }
    }
}
