using Microsoft.EntityFrameworkCore.Design;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model; no server is contacted to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LedgerDbContext>
{
    public LedgerDbContext CreateDbContext(string[] args) =>
        DesignTimeContext.Create(new DatabaseOptions(DatabaseProvider.PostgreSql,
            args.FirstOrDefault() ?? "Host=127.0.0.1;Database=tsuyama_local_currency;Username=postgres"));
}
