using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class LedgerCheckConfiguration : IEntityTypeConfiguration<LedgerCheck>
{
    public const int ProblemsLength = 4000;

    public void Configure(EntityTypeBuilder<LedgerCheck> b)
    {
        b.ToTable("LedgerChecks");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Problems).HasMaxLength(ProblemsLength);
        b.Property(c => c.Head).HasMaxLength(64);
        b.Property(c => c.CheckedBy).HasMaxLength(256);
        b.HasIndex(c => c.CheckedAt);
    }
}
