using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class PaperIssueConfiguration : IEntityTypeConfiguration<PaperIssue>
{
    public void Configure(EntityTypeBuilder<PaperIssue> b)
    {
        b.ToTable("PaperIssues");
        b.HasKey(p => p.Id);
        // Two first fetches at once: the loser fails here, is retried, and reads the winner's issue.
        b.HasIndex(p => new { p.Kind, p.MerchantId, p.Subject }).IsUnique();
        b.HasIndex(p => p.Number).IsUnique();
        b.Property(p => p.Subject).HasMaxLength(40);
        b.Property(p => p.Number).HasMaxLength(20);
        b.Property(p => p.IssuedBy).HasMaxLength(80);
        b.Property(p => p.IssuerName).HasMaxLength(100);
        b.Property(p => p.RegistrationNumber).HasMaxLength(14);
        b.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}
