namespace Tsuyama.LocalCurrency.Tests.Support;

/// <summary>
/// The set-up many ledger test classes share: a fresh host with program P1, one shop and one resident who bought
/// <paramref name="units"/> unit(s) of P1 at the counter (6,000 general + 7,000 smallBusiness points a unit).
/// </summary>
public abstract class OneShopTests(int units = 1) : IAsyncLifetime
{
    protected LedgerTestHost Host { get; private set; } = null!;
    protected Guid ProgramId { get; private set; }
    protected Guid ResidentId { get; private set; }
    protected Guid ShopId { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await LedgerTestHost.CreateAsync();
        ProgramId = (await Host.CreateProgramAsync()).ProgramId;
        ResidentId = await Host.RegisterResidentAsync();
        ShopId = await Host.RegisterMerchantAsync();
        await Host.BuyAsync(ResidentId, units: units);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
