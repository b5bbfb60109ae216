using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Email).HasMaxLength(256);
        b.Property(e => e.Role).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.RecordId).HasMaxLength(200);
        b.Property(e => e.RemoteAddress).HasMaxLength(64);
        b.Property(e => e.Outcome).HasMaxLength(16);
        b.Property(e => e.ProblemType).HasMaxLength(64);
        b.Property(e => e.Details).HasMaxLength(4000);
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => new { e.UserId, e.OccurredAt });
    }
}
