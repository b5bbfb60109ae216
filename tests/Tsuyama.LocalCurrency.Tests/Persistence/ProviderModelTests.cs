using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Tests.Persistence;

/// <summary>
/// No SQL Server runs here, so its side is kept honest without one: its model must build, its
/// migrations must match the model, and the full migration script must generate.
/// </summary>
public sealed class ProviderModelTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer];

    private static LedgerDbContext Create(DatabaseProvider provider) => DesignTimeContext.Create(provider == DatabaseProvider.Sqlite
        ? DatabaseOptions.Sqlite(Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.db"))
        : new DatabaseOptions(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=Model;User Id=x;Password=y;TrustServerCertificate=True"));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_AreInStepWithTheModel(DatabaseProvider provider)
    {
        using var db = Create(provider);

        db.Database.HasPendingModelChanges().Should().BeFalse($"the {provider} migrations must be regenerated after a model change (dotnet ef migrations add)");
        db.Database.GetMigrations().Should().NotBeEmpty();
    }

    [Fact]
    public void SqlServer_MigrationScript_CreatesEveryLedgerTableWithItsGuards()
    {
        using var db = Create(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "Programs", "Accounts", "Balances", "Lots", "Transfers", "Payments", "SealBlocks", "IdempotencyRecords", "AspNetUsers" })
        {
            script.Should().Contain($"CREATE TABLE [{table}]");
        }

        script.Should().Contain("[Sequence] bigint NOT NULL IDENTITY");
        script.Should().Contain("CONSTRAINT [PK_IdempotencyRecords] PRIMARY KEY ([Scope], [Key])");
        script.Should().Contain("CK_Lots_Remaining");
        script.Should().Contain("ALLOW_SNAPSHOT_ISOLATION ON");
    }

    [Fact]
    public void BothProviders_MigrateTheSameTables()
    {
        using var sqlite = Create(DatabaseProvider.Sqlite);
        using var sqlServer = Create(DatabaseProvider.SqlServer);

        static string[] Tables(LedgerDbContext db) => db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().Order().ToArray();

        Tables(sqlite).Should().Equal(Tables(sqlServer));
        sqlite.Database.GetMigrations().Count().Should().Be(sqlServer.Database.GetMigrations().Count());
    }
}
