using Microsoft.EntityFrameworkCore.Design;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model; no server is contacted to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LedgerDbContext>
{
    public LedgerDbContext CreateDbContext(string[] args) =>
        DesignTimeContext.Create(new DatabaseOptions(DatabaseProvider.SqlServer,
            args.FirstOrDefault() ?? "Server=localhost;Database=TsuyamaLocalCurrency;Trusted_Connection=True;TrustServerCertificate=True"));
}
