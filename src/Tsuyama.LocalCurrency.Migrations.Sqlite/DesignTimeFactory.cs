using Microsoft.EntityFrameworkCore.Design;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LedgerDbContext>
{
    public LedgerDbContext CreateDbContext(string[] args) =>
        DesignTimeContext.Create(DatabaseOptions.Sqlite(args.FirstOrDefault() ?? "design-time.db"));
}
