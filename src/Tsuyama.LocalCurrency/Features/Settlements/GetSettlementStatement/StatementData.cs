using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;

internal enum EntryKind
{
    Payment,
    Refund,
    TransferIn,
    TransferOut,
}

/// <summary>One movement of the period; <see cref="Points"/> is signed from the merchant's view.</summary>
internal sealed record StatementEntry(DateTime At, EntryKind Kind, Guid Reference, long Points);

internal sealed record StatementLine(string ProgramCode, string ProgramName, long Points, long FeeYen, long TaxInFeeYen, long PayoutYen);

internal sealed record Statement(
    Guid SettlementId,
    DateOnly Cutoff,
    DateOnly? PeriodFrom,
    DateOnly TransferDate,
    string MerchantName,
    string BankCode,
    string BranchCode,
    BankAccountType AccountType,
    string MaskedAccountNumber,
    string HolderKana,
    IReadOnlyList<StatementEntry> Entries,
    IReadOnlyList<StatementLine> Lines)
{
    public long Points => Lines.Sum(l => l.Points);
    public long FeeYen => Lines.Sum(l => l.FeeYen);
    public long TaxInFeeYen => Lines.Sum(l => l.TaxInFeeYen);
    public long PayoutYen => Lines.Sum(l => l.PayoutYen);

    /// <summary>Only the last three digits: a statement is printed and mailed, the account is not its business.</summary>
    public static string Mask(string accountNumber) =>
        accountNumber.Length <= 3 ? new string('*', accountNumber.Length) : "****" + accountNumber[^3..];
}

internal static class StatementLoader
{
    /// <summary>
    /// The period runs from the end of the previous settled cutoff (or the beginning) to the end of
    /// this cutoff, JST: the movements whose points this settlement redeemed.
    /// </summary>
    public static async Task<Statement?> LoadAsync(LedgerDbContext db, Guid settlementId, Guid merchantId, CancellationToken ct)
    {
        var settlement = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == settlementId, ct).ConfigureAwait(false);
        var merchant = await db.Merchants.AsNoTracking().FirstOrDefaultAsync(m => m.Id == merchantId, ct).ConfigureAwait(false);
        if (settlement is null || merchant is null)
        {
            return null;
        }

        var previous = await db.Settlements.Where(s => s.Cutoff < settlement.Cutoff).OrderByDescending(s => s.Cutoff)
            .Select(s => (DateOnly?)s.Cutoff).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var start = previous is { } p ? JapanTime.EndOfDayUtc(p) : DateTime.MinValue;
        var end = JapanTime.EndOfDayUtc(settlement.Cutoff);

        var entries = new List<StatementEntry>();
        entries.AddRange(await db.Payments.Where(x => x.MerchantId == merchantId && x.CreatedAt >= start && x.CreatedAt < end)
            .Select(x => new StatementEntry(x.CreatedAt, EntryKind.Payment, x.Id, x.Amount)).ToListAsync(ct).ConfigureAwait(false));
        entries.AddRange(await (
            from r in db.Refunds
            join x in db.Payments on r.PaymentId equals x.Id
            where x.MerchantId == merchantId && r.CreatedAt >= start && r.CreatedAt < end
            select new StatementEntry(r.CreatedAt, EntryKind.Refund, r.Id, -r.Amount)).ToListAsync(ct).ConfigureAwait(false));
        entries.AddRange(await db.MerchantTransfers.Where(x => x.ToMerchantId == merchantId && x.CreatedAt >= start && x.CreatedAt < end)
            .Select(x => new StatementEntry(x.CreatedAt, EntryKind.TransferIn, x.Id, x.Amount - x.Fee)).ToListAsync(ct).ConfigureAwait(false));
        entries.AddRange(await db.MerchantTransfers.Where(x => x.FromMerchantId == merchantId && x.CreatedAt >= start && x.CreatedAt < end)
            .Select(x => new StatementEntry(x.CreatedAt, EntryKind.TransferOut, x.Id, -x.Amount)).ToListAsync(ct).ConfigureAwait(false));

        var payee = await db.SettlementLines.AsNoTracking().Where(l => l.SettlementId == settlementId && l.MerchantId == merchantId)
            .OrderBy(l => l.ProgramId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var lines = await (
            from l in db.SettlementLines
            join pr in db.Programs on l.ProgramId equals pr.Id
            where l.SettlementId == settlementId && l.MerchantId == merchantId
            orderby pr.Code
            select new StatementLine(pr.Code, pr.Name, l.Points, l.FeeYen, l.TaxInFeeYen, l.PayoutYen)).ToListAsync(ct).ConfigureAwait(false);

        // The account paid is the one frozen in the settlement; a merchant it did not pay is shown its current one.
        return new Statement(settlement.Id, settlement.Cutoff, previous?.AddDays(1), settlement.TransferDate, merchant.Name,
            payee?.PayeeBankNumber ?? merchant.Payout.BankCode, payee?.PayeeBranchNumber ?? merchant.Payout.BranchCode,
            payee?.PayeeAccountType ?? merchant.Payout.AccountType, Statement.Mask(payee?.PayeeAccountNumber ?? merchant.Payout.AccountNumber),
            payee?.PayeeHolderKana ?? merchant.Payout.HolderKana, entries.OrderBy(e => e.At).ThenBy(e => e.Reference).ToList(), lines);
    }
}

internal static class StatementText
{
    public static string Kind(EntryKind kind) => kind switch
    {
        EntryKind.Payment => "お支払い受取",
        EntryKind.Refund => "返金",
        EntryKind.TransferIn => "店舗間送金（受取・手数料差引後）",
        EntryKind.TransferOut => "店舗間送金（支払）",
        _ => kind.ToString(),
    };

    public static string AccountType(BankAccountType type) => type switch
    {
        BankAccountType.Ordinary => "普通",
        BankAccountType.Current => "当座",
        BankAccountType.Savings => "貯蓄",
        _ => "その他",
    };

    public static string Jst(DateTime utc) =>
        new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(JapanTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Period(Statement s) =>
        s.PeriodFrom is { } from ? $"{from:yyyy-MM-dd} ～ {s.Cutoff:yyyy-MM-dd}" : $"～ {s.Cutoff:yyyy-MM-dd}";
}
