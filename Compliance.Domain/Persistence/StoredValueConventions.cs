using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
using Compliance.Domain.People;
using Compliance.Domain.Reminders;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Persistence;

/// <summary>
/// How values are stored unless an entity says otherwise: instants as UTC date-times, texts up to 256 characters,
/// and every enum as its kebab-case name of up to 32 characters.
/// </summary>
internal static class StoredValueConventions
{
    public static void Apply(ModelConfigurationBuilder b)
    {
        b.Properties<Instant>().HaveConversion<InstantConverter>();
        b.Properties<string>().HaveMaxLength(256);
        Kebab<Role>(b);
        Kebab<Recipient>(b);
        Kebab<Exfiltration>(b);
        Kebab<Encryption>(b);
        Kebab<Cause>(b);
        Kebab<RiskLevel>(b);
        Kebab<IncidentStatus>(b);
        Kebab<ObligationStatus>(b);
        Kebab<ReminderKind>(b);
        Kebab<ReminderState>(b);
        Kebab<MailState>(b);
        Kebab<CampaignState>(b);
        Kebab<RecipientState>(b);
        Kebab<ContactMethod>(b);
        Kebab<ContactOutcome>(b);
        Kebab<TaskKind>(b);
        Kebab<TaskState>(b);
    }

    private static void Kebab<TEnum>(ModelConfigurationBuilder b) where TEnum : struct, Enum =>
        b.Properties<TEnum>().HaveConversion<KebabEnumConverter<TEnum>>().HaveMaxLength(32);
}
