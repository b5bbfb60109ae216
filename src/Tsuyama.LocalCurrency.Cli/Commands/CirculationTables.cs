using System.Globalization;
using Spectre.Console;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>The circulation report as the tables an operator or the chamber reads in a terminal.</summary>
internal static class CirculationTables
{
    public static void Print(CirculationReport r)
    {
        AnsiConsole.MarkupLine($"Circulation, JST {Day(r.From)} – {Day(r.To)} ({r.Days} day(s)), points");

        var t = r.Totals;
        var totals = new Table().Title("Totals").AddColumns("", "points");
        totals.AddRow("issued", N(t.Issued));
        totals.AddRow("spent by residents (payments − refunds)", $"{N(t.SpentByResidents)} ({N(t.ResidentPayments)} − {N(t.Refunds)})");
        totals.AddRow("merchant-to-merchant transferred", N(t.MerchantTransferred));
        totals.AddRow("merchant transfer fees", N(t.MerchantTransferFees));
        totals.AddRow("redeemed", N(t.Redeemed));
        totals.AddRow("expired (breakage)", N(t.Expired));
        totals.AddRow("outstanding at start / end", $"{N(t.OutstandingAtStart)} / {N(t.OutstandingAtEnd)}");
        totals.AddRow("active merchants", N(t.ActiveMerchants));
        AnsiConsole.Write(totals);

        var i = r.Indicators;
        var indicators = new Table().Title("Indicators").AddColumns("", "", "formula");
        indicators.AddRow("hand-overs per point", F(i.HandoversPerPoint), "(spent + transferred) / spent");
        indicators.AddRow("velocity (period)", F(i.Velocity), "(spent + transferred) / average outstanding");
        indicators.AddRow("average outstanding", N((long)Math.Round(i.AverageOutstanding)), "mean of end-of-day outstanding");
        indicators.AddRow("re-spend / redemption", $"{P(i.RespendShare)} / {P(i.RedemptionShare)}", "of what merchants passed on");
        indicators.AddRow("breakage share", P(i.BreakageShare), "expired / (spent + expired)");
        AnsiConsole.Write(indicators);

        var sectors = new Table().Title("Sectors").AddColumns("sector", "shops", "spent", "share", "m2m in", "m2m out", "redeemed", "re-spent");
        foreach (var s in r.Sectors)
        {
            var name = s.Suppressed ? $"{s.Id} ({s.Sectors} sectors)" : s.Id;
            sectors.AddRow(
                Markup.Escape(name),
                N(s.Merchants),
                N(s.ResidentSpend),
                P(s.ResidentSpendShare),
                N(s.ReceivedFromMerchants),
                N(s.RespentInPoints),
                N(s.Redeemed),
                P(s.RespendShare));
        }

        AnsiConsole.Write(sectors);
        Console.WriteLine("spent = resident payments − refunds; m2m = merchant-to-merchant (out incl. fees); re-spent = m2m out / (m2m out + redeemed)");

        var flows = new Table().Title("Merchant-to-merchant flows by sector").AddColumns("from", "to", "points", "senders", "receivers");
        foreach (var f in r.Flows.Cells)
        {
            flows.AddRow(f.From, f.To, N(f.Points), N(f.Senders), N(f.Receivers));
        }

        if (r.Flows.SuppressedCells > 0)
        {
            flows.AddRow(CirculationPrivacy.SuppressedId, $"({r.Flows.SuppressedCells} cells)", N(r.Flows.SuppressedPoints), "", "");
        }

        AnsiConsole.Write(flows);
        // Plain text, not markup: the rule quotes the bucket name.
        Console.WriteLine($"Privacy: {r.Privacy.Rule}");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double? v) => v?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";

    private static string P(double? v) => v?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "–";
}
