using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compliance.Tests.Support;

/// <summary>
/// smtp-sink with any of its options (-q, -w, -p, ...) on a chosen port
/// that can be reused after <see cref="Kill"/> (a server that comes back), dumping each message to a file.
/// </summary>
public sealed class SinkProcess : IDisposable
{
    private readonly Process process;

    public int Port { get; }
    public string Folder { get; }

    public SinkProcess(IEnumerable<string> options, int? port = null)
    {
        var binary = File.Exists("/usr/sbin/smtp-sink") ? "/usr/sbin/smtp-sink"
            : throw new InvalidOperationException("smtp-sink is missing: install postfix (./test.sh does).");
        Folder = Path.Combine(Path.GetTempPath(), $"smtp-sink-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Folder, (UnixFileMode)0x1FF); // the sink runs as nobody
        Port = port ?? FreePort();
        var args = new List<string>();
        if (Environment.UserName == "root") args.AddRange(["-u", "nobody"]);
        args.AddRange(options);
        args.AddRange(["-d", Path.Combine(Folder, "%M%S."), $"127.0.0.1:{Port}", "256"]);
        process = Process.Start(new ProcessStartInfo(binary, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        WaitUntilListening();
    }

    /// <summary>Messages received in full (the sink creates a dump file at MAIL, before any content arrives).</summary>
    public IReadOnlyList<ReceivedMessage> Messages() => Dumps(Folder);

    public static IReadOnlyList<ReceivedMessage> Dumps(string folder) =>
        Directory.GetFiles(folder).Select(File.ReadAllText).Where(ReceivedMessage.IsComplete).Select(ReceivedMessage.Parse).ToList();

    public void Kill()
    {
        process.Kill();
        process.WaitForExit(5000);
    }

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
            catch (SocketException)
            {
                if (process.HasExited) break;
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"smtp-sink did not start: {process.StandardError.ReadToEnd()}");
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) Kill();
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
