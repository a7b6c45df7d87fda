using Compliance.Jobs.Mail.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Compliance.Jobs.Mail;

public static class MailRegistration
{
    /// <summary>
    /// One way out for reminders and campaigns: MailKit SMTP over <c>Mail:Smtp:Connections</c> pooled connections when a
    /// server is configured, else the pickup folder. <c>TryAdd</c>, so a deployer may register another transport first,
    /// and calling it twice (reminders and campaigns both do) registers one transport.
    /// </summary>
    public static IServiceCollection AddComplianceMail(this IServiceCollection services, MailOptions mail)
    {
        services.TryAddSingleton(mail);
        services.TryAddSingleton<IBulkMailTransport>(sp => mail.UsesSmtp
            ? new SmtpMailTransport(SmtpTransportOptions.FromMailOptions(mail), sp.GetRequiredService<IClock>())
            : new PickupFolderTransport(mail, sp.GetRequiredService<IClock>()));
        // Reminders share the campaigns' pool, unless something else was registered for them.
        services.TryAddSingleton<IMailTransport>(sp => sp.GetRequiredService<IBulkMailTransport>() as IMailTransport
            ?? (mail.UsesSmtp
                ? new SmtpMailTransport(SmtpTransportOptions.FromMailOptions(mail), sp.GetRequiredService<IClock>())
                : new PickupFolderTransport(mail, sp.GetRequiredService<IClock>())));
        return services;
    }
}
