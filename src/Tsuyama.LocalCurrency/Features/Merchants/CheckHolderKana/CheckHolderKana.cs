using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Features.Merchants.CheckHolderKana;

/// <summary>
/// The account holder's name as the bank file would write it, or why it cannot be written: the
/// registration form asks while the Admin types, so the one rule (<see cref="PayoutRules"/>) answers both.
/// </summary>
public sealed record CheckHolderKanaQuery(string? HolderKana) : IQuery<HolderKanaChecked>;

/// <param name="BankKana">Half-width bank kana, legal forms abbreviated, as stored and sent.</param>
public sealed record HolderKanaChecked(string BankKana);

internal sealed class CheckHolderKanaValidator : IValidator<CheckHolderKanaQuery>
{
    public void Validate(CheckHolderKanaQuery r, ValidationErrors e)
    {
        if (!PayoutRules.TryNormaliseHolder(r.HolderKana, out _, out var problem))
        {
            e.Add("payout.holderKana", problem);
        }
    }
}

internal sealed class CheckHolderKanaHandler : IRequestHandler<CheckHolderKanaQuery, Result<HolderKanaChecked>>
{
    public Task<Result<HolderKanaChecked>> Handle(CheckHolderKanaQuery query, CancellationToken ct)
    {
        PayoutRules.TryNormaliseHolder(query.HolderKana, out var bankKana, out _);
        return Task.FromResult<Result<HolderKanaChecked>>(new HolderKanaChecked(bankKana));
    }
}
