using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.Property(s => s.PreviousTokenHash).HasMaxLength(64);
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => s.PreviousTokenHash);
        b.HasIndex(s => s.UserId);
        b.HasOne<LedgerUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
