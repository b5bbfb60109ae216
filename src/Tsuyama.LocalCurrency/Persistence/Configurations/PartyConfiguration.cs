using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.DisplayName).HasMaxLength(100);
        b.HasIndex(r => r.Email).IsUnique();
    }
}

internal sealed class ResidentProgramUsageConfiguration : IEntityTypeConfiguration<ResidentProgramUsage>
{
    public void Configure(EntityTypeBuilder<ResidentProgramUsage> b)
    {
        b.HasKey(u => new { u.ResidentId, u.ProgramId });
        b.HasOne<Resident>().WithMany().HasForeignKey(u => u.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VoucherProgram>().WithMany().HasForeignKey(u => u.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.NameKana).HasMaxLength(100);
        b.Property(m => m.NameRomaji).HasMaxLength(25);
        b.Property(m => m.Category).HasMaxLength(4);
        b.Property(m => m.PostalCode).HasMaxLength(7);
        b.Property(m => m.OwnerEmail).HasMaxLength(256);
        b.OwnsOne(m => m.Payout, p =>
        {
            p.Property(x => x.BankCode).HasMaxLength(4);
            p.Property(x => x.BranchCode).HasMaxLength(3);
            p.Property(x => x.AccountNumber).HasMaxLength(7);
            p.Property(x => x.HolderKana).HasMaxLength(60);
        });
        b.Navigation(m => m.Payout).IsRequired();
    }
}
