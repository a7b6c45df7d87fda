using Compliance.Domain.Audit;
using Compliance.Domain.Filings;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Reminders;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Persistence.KeyRing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Compliance.Domain.Persistence;

/// <summary>
/// The application's context. Migrations belong to one derived type per provider (<see cref="MigrationContexts"/>),
/// because each provider's generated migrations differ; the model is the same for all.
/// </summary>
public class ComplianceDbContext : DbContext, IDataProtectionKeyContext
{
    public ComplianceDbContext(DbContextOptions<ComplianceDbContext> options) : base(options) { }

    protected ComplianceDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<AffectedPopulation> AffectedPopulations => Set<AffectedPopulation>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SecurityKey> SecurityKeys => Set<SecurityKey>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<MailLogEntry> MailLog => Set<MailLogEntry>();
    public DbSet<FilingVersion> Filings => Set<FilingVersion>();
    public DbSet<AffectedPerson> AffectedPeople => Set<AffectedPerson>();
    public DbSet<NoticeDraft> NoticeDrafts => Set<NoticeDraft>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();
    public DbSet<PersonContact> PersonContacts => Set<PersonContact>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredSecret> StoredSecrets => Set<StoredSecret>();
    public DbSet<Leases.JobLease> JobLeases => Set<Leases.JobLease>();
    public DbSet<Risk.RiskAssessment> RiskAssessments => Set<Risk.RiskAssessment>();
    public DbSet<IncidentTask> IncidentTasks => Set<IncidentTask>();

    /// <summary>
    /// The organisation every query is confined to. Set once per request from the signed-in member; null only
    /// for system work (migrations, the scheduler, admin commands), which sees every organisation.
    /// </summary>
    public Guid? OrganisationScope { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<Instant>().HaveConversion<InstantConverter>();
        b.Properties<string>().HaveMaxLength(256);
        b.Properties<Role>().HaveConversion<KebabEnumConverter<Role>>().HaveMaxLength(32);
        b.Properties<Recipient>().HaveConversion<KebabEnumConverter<Recipient>>().HaveMaxLength(32);
        b.Properties<Exfiltration>().HaveConversion<KebabEnumConverter<Exfiltration>>().HaveMaxLength(32);
        b.Properties<Encryption>().HaveConversion<KebabEnumConverter<Encryption>>().HaveMaxLength(32);
        b.Properties<Cause>().HaveConversion<KebabEnumConverter<Cause>>().HaveMaxLength(32);
        b.Properties<RiskLevel>().HaveConversion<KebabEnumConverter<RiskLevel>>().HaveMaxLength(32);
        b.Properties<IncidentStatus>().HaveConversion<KebabEnumConverter<IncidentStatus>>().HaveMaxLength(32);
        b.Properties<ObligationStatus>().HaveConversion<KebabEnumConverter<ObligationStatus>>().HaveMaxLength(32);
        b.Properties<ReminderKind>().HaveConversion<KebabEnumConverter<ReminderKind>>().HaveMaxLength(32);
        b.Properties<ReminderState>().HaveConversion<KebabEnumConverter<ReminderState>>().HaveMaxLength(32);
        b.Properties<MailState>().HaveConversion<KebabEnumConverter<MailState>>().HaveMaxLength(32);
        b.Properties<CampaignState>().HaveConversion<KebabEnumConverter<CampaignState>>().HaveMaxLength(32);
        b.Properties<RecipientState>().HaveConversion<KebabEnumConverter<RecipientState>>().HaveMaxLength(32);
        b.Properties<ContactMethod>().HaveConversion<KebabEnumConverter<ContactMethod>>().HaveMaxLength(32);
        b.Properties<ContactOutcome>().HaveConversion<KebabEnumConverter<ContactOutcome>>().HaveMaxLength(32);
        b.Properties<TaskKind>().HaveConversion<KebabEnumConverter<TaskKind>>().HaveMaxLength(32);
        b.Properties<TaskState>().HaveConversion<KebabEnumConverter<TaskState>>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder m)
    {
        KeyRingModel.Configure(m);
        m.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(x => x.Slug).HasMaxLength(64);
            e.Property(x => x.ReminderPolicy).HasMaxLength(200);
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            StringList(e.Property(x => x.Establishments)).HasMaxLength(1000);
            StringList(e.Property(x => x.Attributes)).HasMaxLength(1000);
            e.Property(x => x.TaskTemplates).HasMaxLength(20000);
        });

        m.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasIndex(x => x.NormalizedEmail).IsUnique();
            e.Property(x => x.ProtectedAuthenticatorKey).HasMaxLength(1000);
            e.Property(x => x.RecoveryCodeHashes).HasMaxLength(2000);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.CalendarFeedHash).HasMaxLength(64);
        });

        // Background work: leases that let one run at a time act (see JobLeaseConfiguration).
        m.ApplyConfiguration(new JobLeaseConfiguration());
        m.ApplyConfiguration(new Risk.RiskAssessmentConfiguration());
        m.Entity<Risk.RiskAssessment>().HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);

        m.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.OrganisationId, x.UserId, x.IncidentId });
        });

        m.Entity<Incident>(e =>
        {
            e.ToTable("incidents");
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganisationId, x.Reference }).IsUnique();
            e.Property(x => x.Reference).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(20000);
            e.Property(x => x.RiskRationale).HasMaxLength(4000);
            e.Property(x => x.ClockZone).HasMaxLength(64);
            e.Ignore(x => x.LawEnforcementHold);
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.DataCategories)
                .HasConversion(new DelimitedListConverter<DataCategory>(KebabCase<DataCategory>.ToId, KebabCase<DataCategory>.Parse), new ListComparer<DataCategory>())
                .HasMaxLength(1000);
            e.HasMany(x => x.Affected).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.TotalAffected);
        });

        m.Entity<AffectedPopulation>(e =>
        {
            e.ToTable("affected_populations");
            e.Property(x => x.Jurisdiction).HasMaxLength(8);
            e.HasIndex(x => new { x.IncidentId, x.Jurisdiction }).IsUnique();
        });

        m.Entity<Obligation>(e =>
        {
            e.ToTable("obligations");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Jurisdiction).HasMaxLength(8);
            e.Property(x => x.Stage).HasMaxLength(32);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.RuleId).HasMaxLength(80);
            e.Property(x => x.RuleVersion).HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Verification).HasMaxLength(1);
            e.Property(x => x.DecisionReason).HasMaxLength(2000);
            StringList(e.Property(x => x.Sources)).HasMaxLength(4000);
            e.Property(x => x.Terms).HasMaxLength(32000);
            e.Ignore(x => x.TermsSnapshot);
            // The sweep for reminders and escalation reads open duties by deadline.
            e.HasIndex(x => new { x.Status, x.Deadline });
            e.HasIndex(x => new { x.OrganisationId, x.IncidentId });
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<IncidentTask>(e =>
        {
            e.ToTable("incident_tasks");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Title).HasMaxLength(IncidentTask.TitleLength);
            e.Property(x => x.Notes).HasMaxLength(IncidentTask.NotesLength);
            e.Property(x => x.NotNeededReason).HasMaxLength(IncidentTask.ReasonLength);
            e.Property(x => x.ReportReference).HasMaxLength(IncidentTask.ReferenceLength);
            e.Property(x => x.Officer).HasMaxLength(IncidentTask.OfficerLength);
            e.Ignore(x => x.IsOpen);
            e.HasIndex(x => new { x.OrganisationId, x.IncidentId });
            // The dashboard, the feed and the reminder plan read open tasks.
            e.HasIndex(x => new { x.State, x.DueAt });
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<TimelineEvent>(e =>
        {
            e.ToTable("timeline_events");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.HasIndex(x => new { x.IncidentId, x.At });
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
            // SQL Server refuses a second cascade path from the incident (as for campaign recipients).
            e.HasOne<IncidentTask>().WithMany().HasForeignKey(x => x.TaskId)
                .OnDelete(Database.IsSqlServer() ? DeleteBehavior.ClientCascade : DeleteBehavior.Cascade);
            e.HasIndex(x => x.TaskId);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(127);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.ObligationId);
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
        });

        m.Entity<SecurityKey>(e =>
        {
            e.ToTable("security_keys");
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            // WebAuthn allows credential ids of up to 1,023 bytes; real ones are 16 to 64.
            e.Property(x => x.CredentialId).HasMaxLength(1023);
            e.Property(x => x.PublicKey).HasMaxLength(2048);
            e.Property(x => x.Transports).HasMaxLength(100);
            e.Property(x => x.Nickname).HasMaxLength(SecurityKey.NicknameLength);
            e.HasIndex(x => x.CredentialId).IsUnique();
            e.HasIndex(x => x.UserId);
        });

        m.Entity<Reminder>(e =>
        {
            e.ToTable("reminders");
            e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<IncidentTask>().WithMany().HasForeignKey(x => x.TaskId)
                .OnDelete(Database.IsSqlServer() ? DeleteBehavior.ClientCascade : DeleteBehavior.Cascade);
            e.HasIndex(x => x.TaskId);
            e.Ignore(x => x.SubjectId);
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.Label).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(1000);
            e.HasIndex(x => x.Key).IsUnique();
            // The sweep reads pending reminders by due time.
            e.HasIndex(x => new { x.State, x.DueAt });
            e.HasIndex(x => new { x.OrganisationId, x.IncidentId });
        });

        m.Entity<MailLogEntry>(e =>
        {
            e.ToTable("mail_log");
            e.Property(x => x.Key).HasMaxLength(160);
            e.Property(x => x.Recipient).HasMaxLength(320);
            e.Property(x => x.Subject).HasMaxLength(400);
            e.Property(x => x.MessageId).HasMaxLength(400);
            e.Property(x => x.ServerReply).HasMaxLength(1000);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
        });

        m.Entity<FilingVersion>(e =>
        {
            e.ToTable("filings");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Jurisdiction).HasMaxLength(8);
            e.Property(x => x.Stage).HasMaxLength(32);
            e.Property(x => x.Layout).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.PdfSha256).HasMaxLength(64);
            e.Property(x => x.Narrative).HasMaxLength(200000);
            e.HasIndex(x => new { x.IncidentId, x.Jurisdiction, x.Stage, x.Version }).IsUnique();
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<AffectedPerson>(e =>
        {
            e.ToTable("affected_people");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Jurisdiction).HasMaxLength(8);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.EmailLookup).HasMaxLength(64);
            e.Property(x => x.ProtectedDetails).HasMaxLength(20000);
            e.Property(x => x.ProtectedDelegate).HasMaxLength(4000);
            e.Property(x => x.ProtectedRedactions).HasMaxLength(4000);
            e.HasIndex(x => new { x.IncidentId, x.EmailLookup });
            e.HasIndex(x => new { x.IncidentId, x.Jurisdiction, x.Language });
            e.Ignore(x => x.NeedsManualContact);
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<PersonContact>(e =>
        {
            e.ToTable("person_contacts");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            // As for campaign recipients, SQL Server refuses a second cascade path from the incident.
            e.HasOne<AffectedPerson>().WithMany().HasForeignKey(x => x.PersonId)
                .OnDelete(Database.IsSqlServer() ? DeleteBehavior.ClientCascade : DeleteBehavior.Cascade);
            e.Property(x => x.Zone).HasMaxLength(64);
            e.Property(x => x.ProtectedNotes).HasMaxLength(8000);
            e.HasIndex(x => new { x.IncidentId, x.PersonId });
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<NoticeDraft>(e =>
        {
            e.ToTable("notice_drafts");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Fields).HasMaxLength(100000);
            e.HasIndex(x => x.IncidentId).IsUnique();
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<Campaign>(e =>
        {
            e.ToTable("campaigns");
            e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Jurisdictions).HasMaxLength(2000);
            e.Property(x => x.Languages).HasMaxLength(400);
            e.Property(x => x.Fields).HasMaxLength(100000);
            e.Property(x => x.TemplateHash).HasMaxLength(64);
            e.Property(x => x.StatusNote).HasMaxLength(1000);
            e.Ignore(x => x.JurisdictionList);
            e.Ignore(x => x.LanguageList);
            e.HasIndex(x => new { x.IncidentId, x.CreatedAt });
            // The sender looks for campaigns with work to do.
            e.HasIndex(x => x.State);
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<CampaignRecipient>(e =>
        {
            e.ToTable("campaign_recipients");
            // The send log's key: one row per person per campaign, whatever runs.
            e.HasKey(x => new { x.CampaignId, x.PersonId });
            e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
            // SQL Server refuses two cascade paths to one table (incident -> campaign -> recipient and incident ->
            // person -> recipient), so there the person's key does not cascade. People are never deleted one by one.
            e.HasOne<AffectedPerson>().WithMany().HasForeignKey(x => x.PersonId)
                .OnDelete(Database.IsSqlServer() ? DeleteBehavior.ClientCascade : DeleteBehavior.Cascade);
            e.Property(x => x.Jurisdiction).HasMaxLength(8);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.MessageId).HasMaxLength(200);
            e.Property(x => x.ServerReply).HasMaxLength(1000);
            e.Property(x => x.Template).HasMaxLength(64);
            // The sender takes queued people in key order: this index serves it without reading what was sent.
            e.HasIndex(x => new { x.CampaignId, x.State, x.PersonId });
            e.HasIndex(x => x.PersonId);
            // The daily limit counts what the organisation released in the last 24 hours.
            e.HasIndex(x => new { x.OrganisationId, x.HandedAt });
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        m.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganisationId, x.Sequence }).IsUnique();
            e.HasIndex(x => x.IncidentId);
            e.Property(x => x.Action).HasMaxLength(80);
            e.Property(x => x.Data).HasMaxLength(20000);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Ignore(x => x.DraftOrder);
            e.HasQueryFilter(x => OrganisationScope == null || x.OrganisationId == OrganisationScope);
        });

        // No foreign key: the head outlives a deleted organisation, as evidence that it had a log.
        m.Entity<AuditHead>(e =>
        {
            e.ToTable("audit_heads");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).ValueGeneratedNever();
            e.Property(x => x.LastHash).HasMaxLength(64);
        });
    }

    /// <summary>The audit key this context seals new audit lines with (<see cref="DatabaseOptions.AuditSeal"/>); null when none was configured.</summary>
    public AuditSeal? AuditSeal => this.GetService<IDbContextOptions>().FindExtension<AuditSealExtension>()?.Seal;

    /// <summary>
    /// Saves, sealing any new audit lines first: inside one transaction (the caller's, or one begun here) each
    /// organisation's audit head is locked, the lines numbered after it and keyed (<see cref="AuditAppend"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await ReminderPlanChanges.MarkAsync(this, cancellationToken);
        var drafts = DraftedAuditLines();
        if (drafts.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var seal = AuditSeal ?? throw new InvalidOperationException("No audit key is configured (Audit:Key or Audit:Folder): audit lines cannot be sealed.");
        if (Database.CurrentTransaction is not null)
        {
            await AuditAppend.SealAsync(this, drafts, seal, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await AuditAppend.SealAsync(this, drafts, seal, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (DraftedAuditLines().Count > 0) throw new InvalidOperationException("Audit lines are sealed by SaveChangesAsync only.");
        ReminderPlanChanges.MarkAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // Audit lines are only ever added through AuditLog (tracked as Added at once), so finding them needs no change
    // scan: the save that follows runs the one DetectChanges it needs.
    private List<AuditEntry> DraftedAuditLines()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && !e.Entity.IsSealed).Select(e => e.Entity).ToList();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static PropertyBuilder<List<string>> StringList(PropertyBuilder<List<string>> p) =>
        p.HasConversion(new DelimitedListConverter<string>(s => s, s => s), new ListComparer<string>());
}

public sealed class KebabEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => KebabCase<TEnum>.ToId(v), s => KebabCase<TEnum>.Parse(s)) where TEnum : struct, Enum;
