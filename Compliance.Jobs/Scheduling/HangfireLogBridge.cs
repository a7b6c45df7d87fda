using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MsLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Hangfire's log output into the app's logging. Hangfire keeps one log provider per process (a static); when a
/// process hosts several apps one after another, as the tests do, a logger of an app already stopped must fall
/// silent instead of throwing ObjectDisposedException from inside a job store.
/// </summary>
public sealed class HangfireLogBridge(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new ForwardingLog(factory, name);

    private sealed class ForwardingLog(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? logger;

        public bool Log(HangfireLevel level, Func<string>? message, Exception? exception = null)
        {
            try
            {
                logger ??= factory.CreateLogger(name);
                var msLevel = level switch
                {
                    HangfireLevel.Trace => MsLevel.Trace,
                    HangfireLevel.Debug => MsLevel.Debug,
                    HangfireLevel.Info => MsLevel.Information,
                    HangfireLevel.Warn => MsLevel.Warning,
                    HangfireLevel.Error => MsLevel.Error,
                    _ => MsLevel.Critical,
                };
                if (message is null) return logger.IsEnabled(msLevel);
                if (logger.IsEnabled(msLevel)) logger.Log(msLevel, 0, exception, "{Message}", message());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
