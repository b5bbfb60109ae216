using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;

/// <summary>
/// 支払通知書 of one shop in one settlement: points redeemed per program and kind, the fee, the
/// payout, the payout date and the masked account, as the settlement's Zengin file pays them.
/// </summary>
public sealed record GetPaymentNoticeCommand(Guid SettlementId, Guid MerchantId, PaperReader Reader, PaperFormat Format)
    : ICommand<SettlementFile>;

/// <summary>The notice's figures, public so a shop page can show them without parsing a document.</summary>
public sealed record PaymentNotice(
    string Number,
    DateOnly IssuedOn,
    bool Reissue,
    DateOnly PrintedOn,
    string IssuerName,
    string? IssuerContact,
    Guid MerchantId,
    string ShopName,
    DateOnly Cutoff,
    DateOnly SettledOn,
    DateOnly TransferDate,
    NoticeAccount? Account,
    NoticeHold? Hold,
    IReadOnlyList<NoticeKindLine> Kinds,
    IReadOnlyList<NoticeProgramLine> Programs)
{
    public long Points => Programs.Sum(p => p.Points);
    public long FeeYen => Programs.Sum(p => p.FeeYen);
    public long PayoutYen => Programs.Sum(p => p.PayoutYen);
}

/// <summary>The shop was held back: nothing redeemed, the points stay on its balance for the next run.</summary>
public sealed record NoticeHold(long Points, string Reason);

/// <summary>The payee as the Zengin data record has it; the holder in half-width bank kana, the account masked.</summary>
public sealed record NoticeAccount(string BankCode, string BranchCode, BankAccountType AccountType, string MaskedAccountNumber, string HolderKana);

public sealed record NoticeKindLine(string ProgramCode, string ProgramName, PointKind Kind, long Points);

public sealed record NoticeProgramLine(string ProgramCode, string ProgramName, long Points, long FeeYen, long PayoutYen);

internal sealed class GetPaymentNoticeValidator : IValidator<GetPaymentNoticeCommand>
{
    public void Validate(GetPaymentNoticeCommand r, ValidationErrors e)
    {
        e.Reader(r.Reader);
        e.Require(Enum.IsDefined(r.Format), "format", "must be html or csv");
    }
}

internal sealed class GetPaymentNoticeHandler(LedgerDbContext db, ICurrentActor actor, TimeProvider clock, IOptions<InvoiceOptions> options)
    : IRequestHandler<GetPaymentNoticeCommand, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(GetPaymentNoticeCommand command, CancellationToken ct)
    {
        if (command.Reader.Refuse(command.MerchantId, actor) is { } refused)
        {
            return refused;
        }

        var notice = await PaymentNotices.LoadAsync(db, clock, options.Value, command.SettlementId, command.MerchantId, command.Reader.Name, ct)
            .ConfigureAwait(false);
        if (notice is null)
        {
            return Error.NotFound("Settlement of this shop", $"{command.SettlementId}/{command.MerchantId}");
        }

        var name = $"payment-notice-{notice.Number}";
        return command.Format == PaperFormat.Csv
            ? new SettlementFile(name + ".csv", "text/csv; charset=utf-8", PaymentNoticeCsv.Render(notice))
            : new SettlementFile(name + ".html", "text/html; charset=utf-8", PaymentNoticeHtml.Render(notice));
    }
}

internal static class PaymentNotices
{
    public static async Task<PaymentNotice?> LoadAsync(LedgerDbContext db, TimeProvider clock, InvoiceOptions issuer,
        Guid settlementId, Guid merchantId, string issuedBy, CancellationToken ct)
    {
        var settlement = await db.Settlements.AsNoTracking().Where(s => s.Id == settlementId)
            .Select(s => new { s.Cutoff, s.CreatedAt, s.TransferDate }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var shop = await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId).Select(m => m.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (settlement is null || shop is null)
        {
            return null;
        }

        var lines = await (
            from l in db.SettlementLines
            join p in db.Programs on l.ProgramId equals p.Id
            where l.SettlementId == settlementId && l.MerchantId == merchantId
            orderby p.Code
            select new { Line = l, p.Code, p.Name }).ToListAsync(ct).ConfigureAwait(false);
        var hold = await db.SettlementHolds.AsNoTracking().Where(h => h.SettlementId == settlementId && h.MerchantId == merchantId)
            .Select(h => new NoticeHold(h.Points, h.Reason)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (lines.Count == 0 && hold is null)
        {
            return null;
        }

        // The settlement line sums both kinds; the redemption transfers keep them apart.
        var kinds = await (
            from t in db.Transfers
            join p in db.Programs on t.ProgramId equals p.Id
            where t.OperationId == settlementId && t.FromAccountId == merchantId && t.Type == TransferType.Redemption
            group t by new { p.Code, p.Name, t.Kind } into g
            select new NoticeKindLine(g.Key.Code, g.Key.Name, g.Key.Kind, g.Sum(t => t.Amount))).ToListAsync(ct).ConfigureAwait(false);

        var issue = await PaperIssues.GetOrIssueAsync(db, clock, issuer, PaperKind.PaymentNotice, merchantId, settlementId.ToString(), issuedBy, ct)
            .ConfigureAwait(false);
        // The account the Zengin file pays: frozen into the lines when the settlement ran, the same on every line of a shop.
        var account = lines.OrderBy(l => l.Line.ProgramId).Select(l => l.Line)
            .Select(l => new NoticeAccount(l.PayeeBankNumber, l.PayeeBranchNumber, l.PayeeAccountType, Statement.Mask(l.PayeeAccountNumber), l.PayeeHolderKana))
            .FirstOrDefault();
        return new PaymentNotice(issue.Issue.Number, issue.IssuedOn, issue.Reissue, JapanTime.Today(clock), issue.Issue.IssuerName,
            issuer.IssuerContact, merchantId, shop, settlement.Cutoff, JapanTime.DateOf(new DateTimeOffset(settlement.CreatedAt, TimeSpan.Zero)),
            settlement.TransferDate, account, hold,
            [.. kinds.OrderBy(k => k.ProgramCode, StringComparer.Ordinal).ThenBy(k => k.Kind)],
            [.. lines.Select(l => new NoticeProgramLine(l.Code, l.Name, l.Line.Points, l.Line.FeeYen, l.Line.PayoutYen))]);
    }
}

internal static class NoticeText
{
    public static string Kind(PointKind kind) => kind == PointKind.SmallBusiness ? "専用券（中小店舗）" : "共通券";

    public static string Account(NoticeAccount? a) => a is null
        ? "（今回は振込なし）"
        : $"銀行 {a.BankCode}　支店 {a.BranchCode}　{StatementText.AccountType(a.AccountType)}　{a.MaskedAccountNumber}　{a.HolderKana}";

    public static string Held(NoticeHold hold) =>
        string.Create(CultureInfo.InvariantCulture, $"振込先口座の登録内容を確認できないため、今回の換金（{hold.Points:N0} ポイント）は保留しました。") +
        "ポイントは残高に残り、口座を訂正いただいた後の次回精算でお支払いします。理由: " + hold.Reason;

    public static string Mmdd(DateOnly day) => day.ToString("MMdd", CultureInfo.InvariantCulture);
}

internal static class PaymentNoticeHtml
{
    public static byte[] Render(PaymentNotice n)
    {
        var issuer = new List<(string, string)> { ("name", n.IssuerName) };
        if (!string.IsNullOrWhiteSpace(n.IssuerContact))
        {
            issuer.Add(("", n.IssuerContact));
        }

        var html = new PaperHtml($"支払通知書 {n.Number} {n.ShopName}")
            .Header("支払通知書", "通知書番号", n.Number, n.IssuedOn, n.Reissue, n.PrintedOn)
            .Parties(n.ShopName, "地域通貨ポイントの換金代金を下記のとおりお支払いします。", issuer)
            .Summary("お支払金額（振込額）", n.PayoutYen, $"振込予定日：{PaperHtml.JapaneseDate(n.TransferDate)}")
            .KeyValues([
                ("精算", $"{n.Cutoff:yyyy/MM/dd} 締め（精算日 {n.SettledOn:yyyy/MM/dd}）"),
                ("振込先", NoticeText.Account(n.Account)),
            ]);
        if (n.Hold is { } hold)
        {
            html.Heading("お支払いの保留").Notes(NoticeText.Held(hold));
        }

        if (n.Programs.Count == 0)
        {
            return html.Notes(Footer(n)).ToBytes();
        }

        return html
            .Heading("換金したポイント（事業・種別ごと）")
            .Table(["事業", "種別", "#換金ポイント"],
                n.Kinds.Select(k => (IReadOnlyList<string>)[$"{k.ProgramName}（{k.ProgramCode}）", NoticeText.Kind(k.Kind), PaperHtml.N(k.Points)]),
                ["合計", "", PaperHtml.N(n.Kinds.Sum(k => k.Points))])
            .Heading("お支払額の計算")
            .Table(["事業", "#換金ポイント", "#手数料（税込）", "#お支払額"],
                n.Programs.Select(p => (IReadOnlyList<string>)[$"{p.ProgramName}（{p.ProgramCode}）", PaperHtml.N(p.Points),
                    PaperHtml.Yen(p.FeeYen), PaperHtml.Yen(p.PayoutYen)]),
                ["合計", PaperHtml.N(n.Points), PaperHtml.Yen(n.FeeYen), PaperHtml.Yen(n.PayoutYen)])
            .Heading("振込データ（全銀総合振込ファイルの該当行）")
            .Table(["^振込指定日", "^銀行番号", "^支店番号", "^預金種目", "^口座番号", "受取人名", "#振込金額"],
                n.Account is { } a && n.PayoutYen > 0
                    ? [[
                        NoticeText.Mmdd(n.TransferDate),
                        a.BankCode,
                        a.BranchCode,
                        StatementText.AccountType(a.AccountType),
                        a.MaskedAccountNumber,
                        a.HolderKana,
                        PaperHtml.Yen(n.PayoutYen),
                    ]]
                    : [])
            .Notes(Footer(n))
            .ToBytes();
    }

    private static string[] Footer(PaymentNotice n) =>
    [
        "手数料は消費税（10%）込みの金額です。手数料の適格請求書（登録番号付き）は別に発行しています。",
        "1ポイント＝1円。口座番号は下3桁のみ表示しています。",
        n.Reissue ? $"この書類は {PaperHtml.JapaneseDate(n.IssuedOn)} に発行した支払通知書の再発行です。" : "この書類は原本です。再度出力したものには「再発行」と表示されます。",
    ];
}

internal static class PaymentNoticeCsv
{
    public static byte[] Render(PaymentNotice n)
    {
        var c = new PaperCsv()
            .Line("書類", n.Reissue ? "支払通知書（再発行）" : "支払通知書")
            .Line("通知書番号", n.Number)
            .Line("発行日", PaperCsv.Day(n.IssuedOn))
            .Line("再発行", n.Reissue ? "再発行 " + PaperCsv.Day(n.PrintedOn) : "")
            .Line("発行者", n.IssuerName)
            .Line("宛先", n.ShopName)
            .Line("締め日", PaperCsv.Day(n.Cutoff))
            .Line("精算日", PaperCsv.Day(n.SettledOn))
            .Line("振込予定日", PaperCsv.Day(n.TransferDate))
            .Line(n.Account is { } a
                ? ["振込先", a.BankCode, a.BranchCode, StatementText.AccountType(a.AccountType), a.MaskedAccountNumber, a.HolderKana]
                : ["振込先", NoticeText.Account(null)])
            .Line("保留", n.Hold is { } hold ? NoticeText.Held(hold) : "")
            .Line()
            .Line("事業コード", "事業名", "種別", "換金ポイント");
        foreach (var k in n.Kinds)
        {
            c.Line(k.ProgramCode, k.ProgramName, NoticeText.Kind(k.Kind), PaperCsv.N(k.Points));
        }

        c.Line().Line("事業コード", "事業名", "換金ポイント", "手数料(税込)", "お支払額");
        foreach (var p in n.Programs)
        {
            c.Line(p.ProgramCode, p.ProgramName, PaperCsv.N(p.Points), PaperCsv.N(p.FeeYen), PaperCsv.N(p.PayoutYen));
        }

        return c.Line("合計", "", PaperCsv.N(n.Points), PaperCsv.N(n.FeeYen), PaperCsv.N(n.PayoutYen)).Utf8WithBom();
    }
}
