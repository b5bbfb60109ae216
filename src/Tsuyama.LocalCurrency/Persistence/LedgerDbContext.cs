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

    /// <summary>Token-signing keys live with the data, so sign-ins survive a restart and hosts share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Domain.Settlement> Settlements => Set<Domain.Settlement>();
    public DbSet<SettlementLine> SettlementLines => Set<SettlementLine>();
    public DbSet<SettlementHold> SettlementHolds => Set<SettlementHold>();
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LedgerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite would otherwise hand back Kind=Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
