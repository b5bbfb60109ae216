using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.ResidentId, p.ProgramId });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.MerchantId, p.CreatedAt });
        b.HasIndex(p => p.ResidentId);
        b.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId);
        b.ToTable(t => t.HasCheckConstraint("CK_Payments_Refunded", "RefundedAmount >= 0 AND RefundedAmount <= Amount"));
    }
}

internal sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> b)
    {
        b.HasKey(a => new { a.PaymentId, a.Index });
        b.ToTable(t => t.HasCheckConstraint("CK_PaymentAllocations_Refunded", "Refunded >= 0 AND Refunded <= Amount"));
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.PaymentId);
    }
}

internal sealed class MerchantTransferConfiguration : IEntityTypeConfiguration<MerchantTransfer>
{
    public void Configure(EntityTypeBuilder<MerchantTransfer> b)
    {
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.FromMerchantId);
        b.HasIndex(t => t.ToMerchantId);
    }
}
