using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>Reads the host's database directly, e.g. to wait for a background job's effect.</summary>
public static class FactoryDatabase
{
    public static async Task<T> WithDbAsync<T>(this ApiFactory factory, Func<LedgerDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value; jobs run on Hangfire's workers.</summary>
    public static async Task<T> WaitForAsync<T>(this ApiFactory factory, Func<LedgerDbContext, Task<T?>> probe)
        where T : struct
    {
        for (var i = 0; i < 150; i++)
        {
            if (await factory.WithDbAsync(probe) is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The background job did not finish within 15 s.");
    }

    public static Task WaitUntilAsync(this ApiFactory factory, Func<LedgerDbContext, Task<bool>> condition) =>
        factory.WaitForAsync<bool>(async db => await condition(db) ? true : null);
}
