using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.ConfirmApplicationPayment;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

/// <summary>A program sold through applications: ¥10,000 a unit for 6,000 + 7,000 points (3,000 premium a unit).</summary>
internal static class SalesTestData
{
    public const string Code = "S1";

    /// <summary>Applications open today and the next two days (JST); payment within 7 days of allocation.</summary>
    public static async Task SalesProgramAsync(this LedgerTestHost host, AllocationRule rule, int totalUnits, int maxPerResident = 5,
        long? premiumBudget = null)
    {
        await host.CreateProgramAsync(Code, totalUnits: totalUnits, maxPerResident: Math.Min(maxPerResident, totalUnits));
        await host.MustAsync(new SetSalesRulesCommand(Code, rule, host.Today, host.Today.AddDays(2), 7, premiumBudget));
    }

    public static async Task<(Guid Resident, ApplicationView Application)> ApplyAsync(this LedgerTestHost host, int units, bool verified = true)
    {
        var resident = verified ? await host.RegisterVerifiedResidentAsync() : await host.RegisterResidentAsync();
        return (resident, await host.MustAsync(new ApplyCommand(resident, Code, units)));
    }

    public static void CloseApplications(this LedgerTestHost host) => host.Clock.Advance(TimeSpan.FromDays(3));

    public static ConfirmApplicationPaymentCommand PayAtCounter(this LedgerTestHost host, ApplicationView application) =>
        new(application.ApplicationId, application.Units * 10_000L, "cash", null, IdempotencyScopes.User(LedgerTestHost.CounterStaff), host.NextKey());

    public static Task<SalesApplication> ApplicationAsync(this LedgerTestHost host, Guid id) =>
        host.WithDbAsync(db => db.SalesApplications.AsNoTracking().FirstAsync(a => a.Id == id));

    public static Task<ProgramSales> SalesAsync(this LedgerTestHost host) =>
        host.WithDbAsync(db => db.ProgramSales.AsNoTracking().FirstAsync());

    public static async Task<long> WalletAsync(this LedgerTestHost host, Guid resident) => (await host.MustAsync(new GetWalletQuery(resident))).Total;
}
