using Microsoft.EntityFrameworkCore;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>Shared by the per-provider design-time factories that <c>dotnet ef</c> uses.</summary>
public static class DesignTimeContext
{
    public static LedgerDbContext Create(DatabaseOptions options) => new(LedgerDatabase.CreateOptions(options));
}
