using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class SavedScenarioConfiguration : IEntityTypeConfiguration<SavedScenario>
{
    public const int NameMaxLength = 200;

    public void Configure(EntityTypeBuilder<SavedScenario> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(NameMaxLength);
        b.Property(s => s.SavedBy).HasMaxLength(100);
        b.HasIndex(s => s.CreatedAt);
    }
}
