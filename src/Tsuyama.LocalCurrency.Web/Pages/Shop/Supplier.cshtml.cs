using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.Merchants.QuoteMerchantTransfer;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Stores;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreDirectory;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// Pay a supplier shop (owner only): find it by name or 店舗番号, type the amount, see the fee
/// (QuoteMerchantTransfer, the same plan the transfer uses) and only then pay.
/// </summary>
public sealed class SupplierModel(IMediator mediator, SiteText text) : ShopPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public Guid? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "amount")] public string? Amount { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public IReadOnlyList<StoreView> Found { get; private set; } = [];
    public MerchantTransferQuote? Quote { get; private set; }
    public MerchantTransferMade? Paid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsOwner)
        {
            return Denied();
        }

        if (To is null)
        {
            if (!string.IsNullOrWhiteSpace(Search))
            {
                var found = await mediator.Send(new GetStoreDirectoryQuery(Search, 1, 20), ct);
                if (found.IsSuccess)
                {
                    Found = found.Value.Items.Where(s => s.MerchantId != MerchantId).ToList();
                }
                else
                {
                    text.AddTo(ModelState, found.Error, new Dictionary<string, string> { ["q"] = nameof(Search) });
                }
            }

            return Page();
        }

        if (Amount is not null)
        {
            await QuoteAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var amount = PayTarget.ParseAmount(Amount);
        if (To is null || amount is null or <= 0)
        {
            ModelState.AddModelError(nameof(Amount), text.FieldMessage("amount"));
            return Page();
        }

        var paid = await mediator.Send(new TransferToMerchantCommand(MerchantId, To.Value, amount.Value, User.Scope(), IdempotencyKey), ct);
        if (!paid.IsSuccess)
        {
            if (IsForbidden(paid.Error))
            {
                return Denied();
            }

            await QuoteAsync(ct);
            text.AddTo(ModelState, paid.Error, new Dictionary<string, string> { ["amount"] = nameof(Amount) });
            return Page();
        }

        Paid = paid.Value;
        await QuoteAsync(ct);
        return Page();
    }

    private async Task QuoteAsync(CancellationToken ct)
    {
        var amount = PayTarget.ParseAmount(Amount);
        if (amount is null or <= 0)
        {
            ModelState.AddModelError(nameof(Amount), text.FieldMessage("amount"));
            return;
        }

        var quote = await mediator.Send(new QuoteMerchantTransferQuery(MerchantId, To!.Value, amount.Value), ct);
        if (quote.IsSuccess)
        {
            Quote = quote.Value;
        }
        else if (Paid is null)
        {
            text.AddTo(ModelState, quote.Error, new Dictionary<string, string> { ["amount"] = nameof(Amount) });
        }
    }
}
