using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

/// <summary>The store number's column; kept apart from <see cref="MerchantConfiguration"/> (feature shopapi).</summary>
internal sealed class StoreNumberConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.Property(m => m.StoreNumber).HasMaxLength(StoreNumber.Length);
        // The last guard against two shops drawing the same number at once.
        b.HasIndex(m => m.StoreNumber).IsUnique();
    }
}
