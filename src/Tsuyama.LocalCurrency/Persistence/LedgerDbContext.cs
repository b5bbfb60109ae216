using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// The one database of the product: ledger and sign-in identities share it so that a resident's
/// registration is a single transaction.
/// </summary>
public sealed class LedgerDbContext : IdentityDbContext<LedgerUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    public LedgerDbContext(DbContextOptions<LedgerDbContext> options)
        : base(options)
    {
    }

    public DbSet<VoucherProgram> Programs => Set<VoucherProgram>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Balance> Balances => Set<Balance>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ResidentProgramUsage> ResidentProgramUsages => Set<ResidentProgramUsage>();
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAllocation> PaymentAllocations => Set<PaymentAllocation>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<MerchantTransfer> MerchantTransfers => Set<MerchantTransfer>();
    public DbSet<SealBlock> SealBlocks => Set<SealBlock>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<PaymentRequest> PaymentRequests => Set<PaymentRequest>();
    public DbSet<PaymentCode> PaymentCodes => Set<PaymentCode>();
    public DbSet<SimulationRun> SimulationRuns => Set<SimulationRun>();
    public DbSet<SavedScenario> SavedScenarios => Set<SavedScenario>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>Token-signing keys live with the data, so sign-ins survive a restart and hosts share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<SettlementLine> SettlementLines => Set<SettlementLine>();
    public DbSet<SettlementHold> SettlementHolds => Set<SettlementHold>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ProgramSales> ProgramSales => Set<ProgramSales>();
    public DbSet<SalesApplication> SalesApplications => Set<SalesApplication>();
    public DbSet<LotteryDraw> LotteryDraws => Set<LotteryDraw>();
    public DbSet<ResidentVerification> ResidentVerifications => Set<ResidentVerification>();
    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();
    public DbSet<GrantBudget> GrantBudgets => Set<GrantBudget>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LedgerCheck> LedgerChecks => Set<LedgerCheck>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only: a change or removal of a written entry is a bug, never a save.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be updated or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LedgerDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            PostgreSqlNames.QuoteCheckConstraintColumns(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite would otherwise hand back Kind=Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
