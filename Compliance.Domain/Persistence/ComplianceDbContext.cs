using Compliance.Domain.Audit;
using Compliance.Domain.Filings;
using Compliance.Domain.Idempotency;
using Compliance.Domain.Incidents;
using Compliance.Domain.Leases;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence.KeyRing;
using Compliance.Domain.Reminders;
using Compliance.Domain.Risk;
using Compliance.Domain.Tasks;
using Compliance.Domain.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Compliance.Domain.Persistence;

/// <summary>
/// The application's context. Each entity's mapping sits beside the entity, in its feature's folder; the ones that
/// need this context (the organisation filter, the provider) are given it. Migrations belong to one derived type per
/// provider (<see cref="MigrationContexts"/>), because each provider's generated migrations differ; the model is the
/// same for all.
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
    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();
    public DbSet<PersonContact> PersonContacts => Set<PersonContact>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredSecret> StoredSecrets => Set<StoredSecret>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<IncidentTask> IncidentTasks => Set<IncidentTask>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>
    /// The organisation every query is confined to. Set once per request from the signed-in member; null only
    /// for system work (migrations, the scheduler, admin commands), which sees every organisation.
    /// </summary>
    public Guid? OrganisationScope { get; set; }

    // A released context may be handed to the next request (context pooling in the web host): it must not carry this
    // request's organisation into that one. EF resets its own state on release; the scope is ours to reset.
    public override void Dispose()
    {
        OrganisationScope = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        OrganisationScope = null;
        return base.DisposeAsync();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder b) => StoredValueConventions.Apply(b);

    // The configurations given this context read its OrganisationScope in their query filters: EF binds that to the
    // context running each query, not to the one the model was built with. Each filter is
    // "EF.Constant(scope == null) || OrganisationId == scope": the null test is a constant in the SQL, so a member's
    // query says "OrganisationId = @scope" and its indexes serve it. Without EF.Constant the test is a parameter, and
    // "@p OR OrganisationId = @scope" reads every organisation's rows (Organisations/ScopeFilterSqlTests).
    protected override void OnModelCreating(ModelBuilder m)
    {
        m.ApplyConfiguration(new DataProtectionKeyConfiguration());
        m.ApplyConfiguration(new StoredSecretConfiguration());
        m.ApplyConfiguration(new OrganisationConfiguration());
        m.ApplyConfiguration(new UserConfiguration());
        m.ApplyConfiguration(new JobLeaseConfiguration());
        m.ApplyConfiguration(new RiskAssessmentConfiguration(this));
        m.ApplyConfiguration(new MemberConfiguration());
        m.ApplyConfiguration(new IncidentConfiguration(this));
        m.ApplyConfiguration(new AffectedPopulationConfiguration());
        m.ApplyConfiguration(new ObligationConfiguration(this));
        m.ApplyConfiguration(new IncidentTaskConfiguration(this));
        m.ApplyConfiguration(new TimelineEventConfiguration(this));
        m.ApplyConfiguration(new EvidenceFileConfiguration(this));
        m.ApplyConfiguration(new ApiTokenConfiguration());
        m.ApplyConfiguration(new SecurityKeyConfiguration());
        m.ApplyConfiguration(new ReminderConfiguration(this));
        m.ApplyConfiguration(new MailLogEntryConfiguration());
        m.ApplyConfiguration(new FilingVersionConfiguration(this));
        m.ApplyConfiguration(new AffectedPersonConfiguration(this));
        m.ApplyConfiguration(new PersonContactConfiguration(this));
        m.ApplyConfiguration(new NoticeDraftConfiguration(this));
        m.ApplyConfiguration(new PendingUploadConfiguration(this));
        m.ApplyConfiguration(new CampaignConfiguration(this));
        m.ApplyConfiguration(new CampaignRecipientConfiguration(this));
        m.ApplyConfiguration(new AuditEntryConfiguration(this));
        m.ApplyConfiguration(new AuditHeadConfiguration());
        m.ApplyConfiguration(new IdempotentRequestConfiguration(this));
        m.ApplyConfiguration(new WebhookEndpointConfiguration(this));
        m.ApplyConfiguration(new WebhookDeliveryConfiguration(this));
        m.ApplyConfiguration(new WebhookAttemptConfiguration(this));
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
        var drafts = DraftedAuditLines.In(ChangeTracker);
        if (drafts.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await WebhookOutbox.WriteAsync(this, drafts, cancellationToken);
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
        if (DraftedAuditLines.In(ChangeTracker).Count > 0) throw new InvalidOperationException("Audit lines are sealed by SaveChangesAsync only.");
        ReminderPlanChanges.MarkAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }
}
