using System.Globalization;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;

/// <summary>The statement as CSV for spreadsheets (<see cref="SpreadsheetCsv"/>'s rules).</summary>
internal static class StatementCsv
{
    public static byte[] Render(Statement s)
    {
        var csv = new SpreadsheetCsv();
        csv.Line("精算明細書");
        csv.Line("加盟店", s.MerchantName);
        csv.Line("精算ID", s.SettlementId.ToString());
        csv.Line("締め日", Day(s.Cutoff));
        csv.Line("対象期間", StatementText.Period(s));
        csv.Line("振込予定日", Day(s.TransferDate));
        csv.Line("振込先", s.BankCode, s.BranchCode, StatementText.AccountType(s.AccountType), s.MaskedAccountNumber, s.HolderKana);
        csv.Line();
        csv.Line("事業コード", "事業名", "換金ポイント", "手数料(税込)", "うち消費税(10%)", "振込額");
        foreach (var l in s.Lines)
        {
            csv.Line(l.ProgramCode, l.ProgramName, N(l.Points), N(l.FeeYen), N(l.TaxInFeeYen), N(l.PayoutYen));
        }

        csv.Line("合計", "", N(s.Points), N(s.FeeYen), N(s.TaxInFeeYen), N(s.PayoutYen));
        csv.Line();
        csv.Line("日時(日本時間)", "種別", "参照番号", "ポイント");
        foreach (var e in s.Entries)
        {
            csv.Line(StatementText.Jst(e.At), StatementText.Kind(e.Kind), e.Reference.ToString(), N(e.Points));
        }

        return csv.ToBytes();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
