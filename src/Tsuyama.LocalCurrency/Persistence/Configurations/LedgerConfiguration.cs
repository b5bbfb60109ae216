using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.HasKey(t => t.Sequence);
        b.Property(t => t.Sequence).ValueGeneratedOnAdd();
        b.HasIndex(t => t.Id).IsUnique();
        b.HasIndex(t => t.OperationId);
        b.HasIndex(t => new { t.ToAccountId, t.CreatedAt });
        // Settlement sums each merchant's debits; without it that is a scan of every payment.
        b.HasIndex(t => new { t.FromAccountId, t.CreatedAt });
        b.ToTable(t => t.HasCheckConstraint("CK_Transfers_Amount", "Amount > 0"));
    }
}

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> b)
    {
        b.HasKey(l => l.Id);
        b.HasIndex(l => new { l.ResidentId, l.ExpiresOn });
        b.HasIndex(l => l.ExpiresOn);
        b.ToTable(t => t.HasCheckConstraint("CK_Lots_Remaining", "Remaining >= 0 AND Remaining <= OriginalAmount"));
    }
}

internal sealed class SealBlockConfiguration : IEntityTypeConfiguration<SealBlock>
{
    public void Configure(EntityTypeBuilder<SealBlock> b)
    {
        b.HasKey(s => s.Number);
        b.Property(s => s.Number).ValueGeneratedNever();
        b.Property(s => s.PreviousHash).HasMaxLength(64);
        b.Property(s => s.Hash).HasMaxLength(64);
        b.Property(s => s.Signature).HasMaxLength(64);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        // The primary key is the unique index that makes a duplicate key fail inside the transaction.
        b.HasKey(r => new { r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(80);
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.RequestName).HasMaxLength(100);
        b.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
