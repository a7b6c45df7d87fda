using System.Diagnostics;
using Compliance.Domain.Persistence;

namespace Compliance.Tests.Support;

/// <summary>The worker executable (Compliance.Jobs) as its own process, on a database and an SMTP server on loopback, sweeping every second, with short leases.</summary>
public static class WorkerProcess
{
    /// <param name="log">Collects what the worker writes (stdout and stderr), when given; otherwise it is read and dropped.</param>
    public static Process Start(DatabaseOptions db, int smtpPort, string from, List<string>? log = null, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Compliance.Jobs.dll");
        var psi = new ProcessStartInfo("dotnet",
        [
            dll, .. db.Arguments(),
            "--Mail:Smtp:Host=127.0.0.1", $"--Mail:Smtp:Port={smtpPort}", "--Mail:Smtp:StartTls=false", $"--Mail:From={from}",
            // A sweep every second; a dead worker's leases free after 10 s instead of 60 s.
            "--Reminders:SweepSeconds=1", "--Scheduler:LeaseSeconds=10", "--Logging:LogLevel:Default=Warning", .. extra,
        ]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(psi)!;
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (log is not null && e.Data is { } line) lock (log) log.Add(line);
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
