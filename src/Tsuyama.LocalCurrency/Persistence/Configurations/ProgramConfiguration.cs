using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class ProgramConfiguration : IEntityTypeConfiguration<VoucherProgram>
{
    public void Configure(EntityTypeBuilder<VoucherProgram> b)
    {
        b.ToTable("Programs");
        b.HasKey(p => p.Id);
        b.Property(p => p.Code).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasIndex(p => p.Code).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_Programs_UnitsSold", "UnitsSold >= 0 AND UnitsSold <= TotalUnits"));
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ProgramId, a.Type });
    }
}

internal sealed class BalanceConfiguration : IEntityTypeConfiguration<Balance>
{
    public void Configure(EntityTypeBuilder<Balance> b)
    {
        b.HasKey(x => new { x.AccountId, x.ProgramId, x.Kind });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VoucherProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}
