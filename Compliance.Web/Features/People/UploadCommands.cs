using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.People;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Web.Features.People;

/// <summary><c>uploads clean</c>: deletes uploaded lists of people past <c>Uploads:ExpiryHours</c> now, as the hourly job does.</summary>
public static class UploadCommands
{
    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["clean", ..]) return AccountCommands.Usage(stderr, "usage: uploads clean");
        var o = Options.Parse(args[1..]);
        var settings = AppConfiguration.From(CommandLine.ReadConfiguration(o.ConfigurationArgs));
        await ComplianceDatabase.MigrateAsync(settings.Database);
        var cleanup = new UploadCleanup(new UploadFolder(settings.DataFolder, Duration.FromHours(settings.UploadExpiryHours)),
            () => ComplianceDatabase.CreateContext(settings.Database), clock, NullLogger<UploadCleanup>.Instance);
        var result = await cleanup.RunAsync();
        await stdout.WriteLineAsync($"Deleted {result.Files} expired upload(s), {result.Bytes} bytes.");
        return CommandLine.Ok;
    }
}
