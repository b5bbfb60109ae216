using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Persistence.Configurations;

internal sealed class SimulationRunConfiguration : IEntityTypeConfiguration<SimulationRun>
{
    public void Configure(EntityTypeBuilder<SimulationRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.RequestedBy).HasMaxLength(100);
        b.HasIndex(r => r.Status);
    }
}
