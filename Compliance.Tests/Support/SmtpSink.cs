using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compliance.Tests.Support;

/// <summary>
/// Postfix's smtp-sink on a loopback port, dumping each message to a file: a real SMTP server for tests.
/// <paramref name="rejectData"/> "4xx" or "5xx" makes it refuse every message at DATA with that class of reply.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process process;

    public int Port { get; }
    public string Folder { get; }

    public SmtpSink(string? rejectData = null)
    {
        var binary = File.Exists("/usr/sbin/smtp-sink") ? "/usr/sbin/smtp-sink"
            : throw new InvalidOperationException("smtp-sink is missing: install postfix (./test.sh does).");
        Folder = Path.Combine(Path.GetTempPath(), $"smtp-sink-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Folder, (UnixFileMode)0x1FF); // smtp-sink drops privileges to nobody when run as root
        Port = FreePort();
        var args = new List<string>();
        if (Environment.UserName == "root") args.AddRange(["-u", "nobody"]);
        if (rejectData == "4xx") args.AddRange(["-r", "data"]);
        if (rejectData == "5xx") args.AddRange(["-f", "data"]);
        args.AddRange(["-d", Path.Combine(Folder, "%M%S."), $"127.0.0.1:{Port}", "256"]);
        process = Process.Start(new ProcessStartInfo(binary, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        WaitUntilListening();
    }

    public IReadOnlyList<string> Messages() =>
        Directory.GetFiles(Folder).Order().Select(File.ReadAllText).ToList();

    private void WaitUntilListening()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new InvalidOperationException($"smtp-sink did not start: {process.StandardError.ReadToEnd()}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try { process.Kill(); process.WaitForExit(2000); } catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
