using System.Text;
using static Tsuyama.LocalCurrency.Simulation.Reports.Format;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>Self-contained inline SVG charts (no scripts, no external files).</summary>
internal readonly record struct TornadoBarView(string Name, double AtLow, double AtHigh);

internal static class SvgCharts
{
    private const int Width = 720;
    private const int Height = 300;
    private const int Left = 80;
    private const int Bottom = 40;
    private const int Top = 20;
    private const string Bar = "#2f7f6f";
    private const string Accent = "#c0392b";

    public static string BarChart(IReadOnlyList<string> labels, IReadOnlyList<double> values, string title, Func<double, string> axisLabel)
    {
        var svg = Open(title);
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 1e-12);
        var plotWidth = Width - Left - 20;
        var slot = plotWidth / (double)Math.Max(values.Count, 1);
        Axes(svg, max, axisLabel);
        for (var i = 0; i < values.Count; i++)
        {
            var h = (Height - Top - Bottom) * values[i] / max;
            var x = Left + (i * slot) + (slot * 0.1);
            svg.Append($"<rect x=\"{N(x)}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(slot * 0.8)}\" height=\"{N(h)}\" fill=\"{Bar}\">")
                .Append($"<title>{Html(labels[i])}: {Html(axisLabel(values[i]))}</title></rect>");
            svg.Append($"<text x=\"{N(x + (slot * 0.4))}\" y=\"{Height - Bottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{Html(labels[i])}</text>");
        }

        return Close(svg);
    }

    /// <summary>Histogram of Monte Carlo samples with the exact model's value marked.</summary>
    public static string Histogram(IReadOnlyList<double> samples, double exact, string title, int bins = 20)
    {
        var svg = Open(title);
        var min = Math.Min(samples.Min(), exact);
        var max = Math.Max(samples.Max(), exact);
        var width = max > min ? (max - min) / bins : 1;
        var counts = new int[bins];
        foreach (var s in samples)
        {
            counts[Math.Min((int)((s - min) / width), bins - 1)]++;
        }

        // A multiple of 4 keeps the four count ticks whole numbers of runs.
        var top = (Math.Max(counts.Max(), 1) + 3) / 4 * 4;
        Axes(svg, top, v => N(v) + "回");
        var plotWidth = Width - Left - 20;
        var slot = plotWidth / (double)bins;
        for (var i = 0; i < bins; i++)
        {
            var h = (Height - Top - Bottom) * counts[i] / (double)top;
            svg.Append($"<rect x=\"{N(Left + (i * slot))}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(slot - 1)}\" height=\"{N(h)}\" fill=\"{Bar}\">")
                .Append($"<title>{Ratio(min + (i * width))}–{Ratio(min + ((i + 1) * width))}: {counts[i]}</title></rect>");
        }

        var xExact = Left + (plotWidth * (max > min ? (exact - min) / (max - min) : 0.5));
        svg.Append($"<line x1=\"{N(xExact)}\" y1=\"{Top}\" x2=\"{N(xExact)}\" y2=\"{Height - Bottom}\"")
            .Append($" stroke=\"{Accent}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        svg.Append($"<text x=\"{N(xExact + 4)}\" y=\"{Top + 12}\" font-size=\"11\" fill=\"{Accent}\">期待値モデル {Ratio(exact)}</text>");
        svg.Append($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">{Ratio(min)}</text>");
        svg.Append($"<text x=\"{Width - 20}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"end\">{Ratio(max)}</text>");
        return Close(svg);
    }

    /// <param name="startDate">Day 0 as a date: the axis and the expiry mark then show calendar dates.</param>
    public static string LineChart(IReadOnlyList<long> series, int markDay, string title, DateOnly? startDate = null)
    {
        var svg = Open(title);
        var max = Math.Max(series.Count == 0 ? 1 : series.Max(), 1);
        Axes(svg, max, v => Man(v).Replace("円", "pt", StringComparison.Ordinal));
        var plotWidth = Width - Left - 20;
        var last = Math.Max(series.Count - 1, 1);
        var points = new StringBuilder();
        for (var day = 0; day < series.Count; day++)
        {
            var x = Left + (plotWidth * day / (double)last);
            var y = Height - Bottom - ((Height - Top - Bottom) * series[day] / (double)max);
            points.Append(N(x)).Append(',').Append(N(y)).Append(' ');
        }

        svg.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2\"/>");
        var xMark = Left + (plotWidth * Math.Min(markDay, last) / (double)last);
        svg.Append($"<line x1=\"{N(xMark)}\" y1=\"{Top}\" x2=\"{N(xMark)}\" y2=\"{Height - Bottom}\" stroke=\"{Accent}\" stroke-dasharray=\"4 3\"/>");
        // The mark sits where unspent points expire: the day after the last valid day.
        var expiry = startDate is { } start ? $"有効期限 {Date(start.AddDays(markDay - 1))}（{markDay}日間）" : $"有効期限（{markDay}日目）";
        // Past the middle the label goes left of the line, so it never runs off the chart.
        var anchor = xMark > Left + (plotWidth / 2.0) ? $"x=\"{N(xMark - 4)}\" text-anchor=\"end\"" : $"x=\"{N(xMark + 4)}\"";
        svg.Append($"<text {anchor} y=\"{Top + 12}\" font-size=\"11\" fill=\"{Accent}\">{Html(expiry)}</text>");
        svg.Append($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">{(startDate is { } first ? Date(first) : "0日")}</text>");
        svg.Append($"<text x=\"{Width - 20}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"end\">" +
            $"{(startDate is { } s0 ? Date(s0.AddDays(last)) : $"{last}日")}</text>");
        return Close(svg);
    }

    /// <summary>One horizontal bar per label, value written at the end (the merchant page's one chart).</summary>
    public static string HorizontalBars(IReadOnlyList<string> labels, IReadOnlyList<double> values, string title, Func<double, string> label)
    {
        const int rowHeight = 34;
        const int nameWidth = 260;
        var height = (Math.Max(labels.Count, 1) * rowHeight) + 20;
        var svg = Open(title, height);
        var max = Math.Max(values.Count == 0 ? 1 : values.Max(), 1e-12);
        var plotWidth = Width - nameWidth - 110;
        for (var i = 0; i < labels.Count; i++)
        {
            var y = 10 + (i * rowHeight);
            var w = plotWidth * Math.Max(values[i], 0) / max;
            svg.Append($"<text x=\"{nameWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\" {FitIn(labels[i], nameWidth - 12, 13)}>{Html(labels[i])}</text>");
            svg.Append($"<rect x=\"{nameWidth}\" y=\"{y + 4}\" width=\"{N(w)}\" height=\"22\" fill=\"{Bar}\"/>");
            svg.Append($"<text x=\"{N(nameWidth + w + 6)}\" y=\"{y + 20}\" font-size=\"13\">{Html(label(values[i]))}</text>");
        }

        return Close(svg);
    }

    /// <summary>y against x (a sweep): points joined by a line, x ticks at each point's value.</summary>
    public static string XyChart(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string title, string xLabel, Func<double, string> axisLabel)
    {
        var svg = Open(title);
        var lo = Math.Min(0, ys.Min());
        var hi = Math.Max(ys.Max(), lo + 1e-12);
        var plotWidth = Width - Left - 20;
        var plotHeight = Height - Top - Bottom;
        double X(double x) => Left + (plotWidth * (xs[^1] > xs[0] ? (x - xs[0]) / (xs[^1] - xs[0]) : 0.5));
        double Y(double y) => Height - Bottom - (plotHeight * (y - lo) / (hi - lo));
        for (var k = 0; k <= 4; k++)
        {
            var v = lo + ((hi - lo) * k / 4);
            svg.Append($"<line x1=\"{Left - 4}\" y1=\"{N(Y(v))}\" x2=\"{Width - 20}\" y2=\"{N(Y(v))}\" stroke=\"#ddd\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{N(Y(v) + 4)}\" font-size=\"10\" text-anchor=\"end\">{Html(axisLabel(v))}</text>");
        }

        if (lo < 0)
        {
            svg.Append($"<line x1=\"{Left}\" y1=\"{N(Y(0))}\" x2=\"{Width - 20}\" y2=\"{N(Y(0))}\" stroke=\"#555\"/>");
        }

        svg.Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 20}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        var step = Math.Max(1, xs.Count / 10);
        for (var i = 0; i < xs.Count; i++)
        {
            if (i % step == 0 || i == xs.Count - 1)
            {
                var tick = xs[i].ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
                svg.Append($"<text x=\"{N(X(xs[i]))}\" y=\"{Height - Bottom + 16}\" font-size=\"10\" text-anchor=\"middle\">{Html(tick)}</text>");
            }
        }

        svg.Append($"<text x=\"{Width - 20}\" y=\"{Height - 6}\" font-size=\"11\" text-anchor=\"end\">{Html(xLabel)}</text>");
        var line = string.Join(' ', xs.Select((x, i) => $"{N(X(x))},{N(Y(ys[i]))}"));
        svg.Append($"<polyline points=\"{line}\" fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2\"/>");
        for (var i = 0; i < xs.Count; i++)
        {
            svg.Append($"<circle cx=\"{N(X(xs[i]))}\" cy=\"{N(Y(ys[i]))}\" r=\"3\" fill=\"{Bar}\"><title>{Html(axisLabel(ys[i]))}</title></circle>");
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars from the likely value to each end of an input's range, largest swing on top.</summary>
    public static string Tornado(IReadOnlyList<TornadoBarView> bars, double likely, string title, Func<double, string> label)
    {
        const int rowHeight = 30;
        const int nameWidth = 250;
        var height = Top + (Math.Max(bars.Count, 1) * rowHeight) + 40;
        var svg = Open(title, height);
        var lo = bars.Count == 0 ? likely : Math.Min(likely, bars.Min(b => Math.Min(b.AtLow, b.AtHigh)));
        var hi = bars.Count == 0 ? likely + 1 : Math.Max(likely, bars.Max(b => Math.Max(b.AtLow, b.AtHigh)));
        if (hi - lo < 1e-12)
        {
            hi = lo + 1;
        }

        var plotLeft = nameWidth + 10;
        var plotWidth = Width - plotLeft - 30;
        double X(double v) => plotLeft + (plotWidth * (v - lo) / (hi - lo));
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = Top + (i * rowHeight);
            svg.Append($"<text x=\"{nameWidth}\" y=\"{y + 19}\" font-size=\"11\" text-anchor=\"end\">{Html(b.Name)}</text>");
            foreach (var (value, color, end) in new[] { (b.AtLow, "#7fa8c9", "低"), (b.AtHigh, Bar, "高") })
            {
                var x1 = Math.Min(X(likely), X(value));
                var w = Math.Abs(X(value) - X(likely));
                svg.Append($"<rect x=\"{N(x1)}\" y=\"{y + 6}\" width=\"{N(Math.Max(w, 0.5))}\" height=\"18\" fill=\"{color}\">")
                    .Append($"<title>{Html(b.Name)}（{end}）: {Html(label(value))}</title></rect>");
            }
        }

        var baseY = Top + (bars.Count * rowHeight);
        svg.Append($"<line x1=\"{N(X(likely))}\" y1=\"{Top}\" x2=\"{N(X(likely))}\" y2=\"{baseY}\" stroke=\"{Accent}\" stroke-dasharray=\"4 3\"/>");
        svg.Append($"<text x=\"{N(X(lo))}\" y=\"{baseY + 16}\" font-size=\"10\">{Html(label(lo))}</text>");
        svg.Append($"<text x=\"{N(X(likely))}\" y=\"{baseY + 16}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{Accent}\">{Html(label(likely))}</text>");
        svg.Append($"<text x=\"{N(X(hi))}\" y=\"{baseY + 16}\" font-size=\"10\" text-anchor=\"end\">{Html(label(hi))}</text>");
        foreach (var (dx, color, text) in new[] { (0, "#7fa8c9", "入力が低いとき"), (120, Bar, "入力が高いとき") })
        {
            svg.Append($"<rect x=\"{plotLeft + dx}\" y=\"{baseY + 24}\" width=\"12\" height=\"10\" fill=\"{color}\"/>")
                .Append($"<text x=\"{plotLeft + dx + 16}\" y=\"{baseY + 33}\" font-size=\"10\">{text}</text>");
        }
        return Close(svg);
    }

    /// <summary>Payers on the left, receivers on the right, band width proportional to yen.</summary>
    public static string FlowDiagram(IReadOnlyList<(string Id, string Name)> sectors, IReadOnlyList<(string From, string To, long Yen)> flows, string title)
    {
        var rowHeight = 44;
        var height = Math.Max(sectors.Count * rowHeight, rowHeight) + 40;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Html(title)}\">")
            .Append($"<title>{Html(title)}</title>");
        svg.Append("<text x=\"150\" y=\"16\" font-size=\"12\" text-anchor=\"middle\">支払う業種</text>")
            .Append($"<text x=\"{Width - 150}\" y=\"16\" font-size=\"12\" text-anchor=\"middle\">受け取る業種</text>");
        var row = sectors.Select((s, i) => (s.Id, Y: 40 + (i * rowHeight) + (rowHeight / 2.0))).ToDictionary(p => p.Id, p => p.Y, StringComparer.Ordinal);
        var max = Math.Max(flows.Count == 0 ? 1 : flows.Max(f => f.Yen), 1);
        const double x1 = 240, x2 = Width - 240;
        foreach (var (from, to, yen) in flows.OrderByDescending(f => f.Yen))
        {
            var w = Math.Max(1, 18.0 * yen / max);
            svg.Append($"<path d=\"M{N(x1)},{N(row[from])} C{N((x1 + x2) / 2)},{N(row[from])} {N((x1 + x2) / 2)},{N(row[to])} {N(x2)},{N(row[to])}\"")
                .Append($" fill=\"none\" stroke=\"{Bar}\" stroke-opacity=\"0.45\" stroke-width=\"{N(w)}\">")
                .Append($"<title>{Html(from)} → {Html(to)}: {Html(Yen(yen))}</title></path>");
        }

        foreach (var (id, name) in sectors)
        {
            svg.Append($"<rect x=\"{N(x1 - 200)}\" y=\"{N(row[id] - 14)}\" width=\"200\" height=\"28\" rx=\"4\" fill=\"#e8f3f0\" stroke=\"{Bar}\"/>");
            svg.Append($"<text x=\"{N(x1 - 100)}\" y=\"{N(row[id] + 4)}\" {FitInBox(name)} text-anchor=\"middle\">{Html(name)}</text>");
            svg.Append($"<rect x=\"{N(x2)}\" y=\"{N(row[id] - 14)}\" width=\"200\" height=\"28\" rx=\"4\" fill=\"#e8f3f0\" stroke=\"{Bar}\"/>");
            svg.Append($"<text x=\"{N(x2 + 100)}\" y=\"{N(row[id] + 4)}\" {FitInBox(name)} text-anchor=\"middle\">{Html(name)}</text>");
        }

        return Close(svg);
    }

    /// <summary>
    /// Sector names such as 生活サービス（理美容・クリーニング・修理等） are wider than their 200-unit box at
    /// 12 units a full-width character: shrink the font down to 10, then squeeze the rest.
    /// </summary>
    private static string FitInBox(string name)
    {
        const double room = 188;
        var size = Math.Clamp(room / Math.Max(name.Length, 1), 10, 12);
        return size * name.Length > room
            ? $"font-size=\"{N(size)}\" textLength=\"{N(room)}\" lengthAdjust=\"spacingAndGlyphs\""
            : $"font-size=\"{N(size)}\"";
    }

    private static string FitIn(string text, double room, double size)
    {
        var fitted = Math.Clamp(room / Math.Max(text.Length, 1), 10, size);
        return fitted * text.Length > room
            ? $"font-size=\"{N(fitted)}\" textLength=\"{N(room)}\" lengthAdjust=\"spacingAndGlyphs\""
            : $"font-size=\"{N(fitted)}\"";
    }

    private static StringBuilder Open(string title, int height) =>
        new StringBuilder().Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Html(title)}\">")
            .Append($"<title>{Html(title)}</title>");

    private static StringBuilder Open(string title) =>
        new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html(title)}\">")
            .Append($"<title>{Html(title)}</title>");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Axes(StringBuilder svg, double max, Func<double, string> label)
    {
        svg.Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 20}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        for (var k = 0; k <= 4; k++)
        {
            var v = max * k / 4;
            var y = Height - Bottom - ((Height - Top - Bottom) * k / 4.0);
            svg.Append($"<line x1=\"{Left - 4}\" y1=\"{N(y)}\" x2=\"{Width - 20}\" y2=\"{N(y)}\" stroke=\"#ddd\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{N(y + 4)}\" font-size=\"10\" text-anchor=\"end\">{Html(label(v))}</text>");
        }
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
