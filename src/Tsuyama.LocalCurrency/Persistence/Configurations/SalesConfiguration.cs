using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class ProgramSalesConfiguration : IEntityTypeConfiguration<ProgramSales>
{
    public void Configure(EntityTypeBuilder<ProgramSales> b)
    {
        b.HasKey(s => s.ProgramId);
        b.HasOne<VoucherProgram>().WithOne().HasForeignKey<ProgramSales>(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ProgramSales_Premium", "PremiumCommitted >= 0 AND (PremiumBudget IS NULL OR PremiumCommitted <= PremiumBudget)");
            t.HasCheckConstraint("CK_ProgramSales_Reserved", "UnitsReserved >= 0");
        });
    }
}

internal sealed class SalesApplicationConfiguration : IEntityTypeConfiguration<SalesApplication>
{
    public void Configure(EntityTypeBuilder<SalesApplication> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ProgramId, a.ResidentId }).IsUnique();
        b.HasIndex(a => new { a.ProgramId, a.Status });
        b.HasOne<VoucherProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotteryDrawConfiguration : IEntityTypeConfiguration<LotteryDraw>
{
    public void Configure(EntityTypeBuilder<LotteryDraw> b)
    {
        b.HasKey(d => d.ProgramId);
        b.Property(d => d.Seed).HasMaxLength(200);
        b.Property(d => d.Algorithm).HasMaxLength(100);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
    }
}

internal sealed class ResidentVerificationConfiguration : IEntityTypeConfiguration<ResidentVerification>
{
    public void Configure(EntityTypeBuilder<ResidentVerification> b)
    {
        b.HasKey(v => v.ResidentId);
        b.Property(v => v.Method).HasMaxLength(32);
        b.HasOne<Resident>().WithOne().HasForeignKey<ResidentVerification>(v => v.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProviderEventConfiguration : IEntityTypeConfiguration<ProviderEvent>
{
    public void Configure(EntityTypeBuilder<ProviderEvent> b)
    {
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasMaxLength(100);
    }
}

internal sealed class PurchaseSalesConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.HasIndex(p => p.ApplicationId).IsUnique();
        b.Property(p => p.PaymentMethod).HasMaxLength(32);
        b.Property(p => p.PaymentNote).HasMaxLength(200);
        b.Property(p => p.ConfirmedBy).HasMaxLength(100);
        b.Property(p => p.CancelledBy).HasMaxLength(100);
        b.Property(p => p.CancelReason).HasMaxLength(200);
    }
}

internal sealed class GrantBudgetConfiguration : IEntityTypeConfiguration<GrantBudget>
{
    public void Configure(EntityTypeBuilder<GrantBudget> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Code).HasMaxLength(32);
        b.Property(g => g.Name).HasMaxLength(100);
        b.HasIndex(g => g.Code).IsUnique();
        b.HasIndex(g => g.ProgramId).IsUnique();
        b.HasOne<VoucherProgram>().WithMany().HasForeignKey(g => g.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_GrantBudgets_Remaining", "RemainingPoints >= 0 AND RemainingPoints <= TotalPoints"));
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Reason).HasMaxLength(200);
        b.Property(g => g.RowKey).HasMaxLength(100);
        b.Property(g => g.GrantedBy).HasMaxLength(100);
        b.HasIndex(g => new { g.BudgetId, g.RowKey }).IsUnique();
        b.HasIndex(g => g.ResidentId);
        b.HasOne<GrantBudget>().WithMany().HasForeignKey(g => g.BudgetId).OnDelete(DeleteBehavior.Restrict);
    }
}
