using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> b)
    {
        b.ToTable("Settlements");
        b.HasKey(s => s.Id);
        // A concurrent second run of the same cutoff fails on this index inside its transaction.
        b.HasIndex(s => s.Cutoff).IsUnique();
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SettlementId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Holds).WithOne().HasForeignKey(h => h.SettlementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SettlementHoldConfiguration : IEntityTypeConfiguration<SettlementHold>
{
    public void Configure(EntityTypeBuilder<SettlementHold> b)
    {
        b.HasKey(h => new { h.SettlementId, h.MerchantId });
        b.HasIndex(h => h.MerchantId);
        b.Property(h => h.Reason).HasMaxLength(1000);
        b.HasOne<Merchant>().WithMany().HasForeignKey(h => h.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SettlementLineConfiguration : IEntityTypeConfiguration<SettlementLine>
{
    public void Configure(EntityTypeBuilder<SettlementLine> b)
    {
        b.HasKey(l => new { l.SettlementId, l.MerchantId, l.ProgramId });
        b.HasIndex(l => l.MerchantId);
        b.Property(l => l.PayeeBankNumber).HasMaxLength(4);
        b.Property(l => l.PayeeBranchNumber).HasMaxLength(3);
        b.Property(l => l.PayeeAccountNumber).HasMaxLength(7);
        b.Property(l => l.PayeeHolderKana).HasMaxLength(PayoutRules.HolderMaxLength);
        b.HasOne<Merchant>().WithMany().HasForeignKey(l => l.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VoucherProgram>().WithMany().HasForeignKey(l => l.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_SettlementLines_Amounts", "Points > 0 AND FeeYen >= 0 AND PayoutYen = Points - FeeYen"));
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.ResidentId, n.ProgramId, n.ExpiresOn, n.Kind }).IsUnique();
        b.HasOne<Resident>().WithMany().HasForeignKey(n => n.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VoucherProgram>().WithMany().HasForeignKey(n => n.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}
