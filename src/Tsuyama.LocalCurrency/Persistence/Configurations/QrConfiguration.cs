using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class PaymentRequestConfiguration : IEntityTypeConfiguration<PaymentRequest>
{
    public void Configure(EntityTypeBuilder<PaymentRequest> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.MerchantId);
        b.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentCodeConfiguration : IEntityTypeConfiguration<PaymentCode>
{
    public void Configure(EntityTypeBuilder<PaymentCode> b)
    {
        b.HasKey(c => c.CodeHash);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => c.ResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
