using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Tsuyama.LocalCurrency.Web.Pages.City;

/// <summary>
/// Server-rendered SVG charts for the console: no chart script, nothing the strict CSP refuses (no
/// style attributes, only presentation attributes). The figure around it names the chart and carries
/// the same figures as a table, so the picture is never the only way to read them.
/// </summary>
public static class SvgChart
{
    private const int Width = 800;
    private const int Height = 240;
    private const int Left = 70;
    private const int Right = 10;
    private const int Top = 12;
    private const int Bottom = 30;

    public sealed record Point(string Label, long Value);

    /// <summary>One bar per point.</summary>
    public static IHtmlContent Bars(IReadOnlyList<Point> points, string labelledBy) => Render(points, labelledBy, bars: true);

    /// <summary>A line through the points, the area under it shaded.</summary>
    public static IHtmlContent Line(IReadOnlyList<Point> points, string labelledBy) => Render(points, labelledBy, bars: false);

    private static HtmlString Render(IReadOnlyList<Point> points, string labelledBy, bool bars)
    {
        var max = AxisMaximum(points.Count == 0 ? 0 : points.Max(p => p.Value));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = points.Count == 0 ? plotWidth : (double)plotWidth / points.Count;
        double X(int i) => Left + (step * i) + (step / 2);
        double Y(long v) => Top + plotHeight - ((double)Math.Max(0, v) / max * plotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\"")
            .Append(CultureInfo.InvariantCulture, $" aria-labelledby=\"{Attr(labelledBy)}\" focusable=\"false\">");
        // Grid at 0, half and the maximum, labelled with the values.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + plotHeight - (fraction * plotHeight);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#9a9a9a\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 6}\" y=\"{y + 5:0.#}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1a1a1a\">{(long)(max * fraction):N0}</text>");
        }

        if (bars)
        {
            var barWidth = Math.Max(1, step * 0.7);
            for (var i = 0; i < points.Count; i++)
            {
                var y = Y(points[i].Value);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(i) - (barWidth / 2):0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\"")
                    .Append(CultureInfo.InvariantCulture, $" height=\"{Top + plotHeight - y:0.#}\" fill=\"#1f5fa8\">")
                    .Append(CultureInfo.InvariantCulture, $"<title>{Text(points[i].Label)}: {points[i].Value:N0}</title></rect>");
            }
        }
        else if (points.Count > 0)
        {
            var line = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(p.Value):0.#}")));
            var area = string.Create(CultureInfo.InvariantCulture, $"{X(0):0.#},{Top + plotHeight} {line} {X(points.Count - 1):0.#},{Top + plotHeight}");
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{area}\" fill=\"#dbe7f5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{line}\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"3\"/>");
        }

        // About seven labels along the bottom, the last point always labelled.
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 7.0));
        for (var i = 0; i < points.Count; i++)
        {
            if (i % every == 0 || i == points.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{X(i):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1a1a1a\">{Text(points[i].Label)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// The top of the value axis: the largest value rounded up to an even number in its second digit, so
    /// the three labels (0, half, top) are whole numbers that read as round figures (0 / 4,000 / 8,000
    /// rather than 0 / 3,617 / 7,234). With nothing above zero the axis runs to 2, never to a top of 1 whose
    /// half would print as 0.
    /// </summary>
    public static long AxisMaximum(long largest)
    {
        if (largest <= 1)
        {
            return 2;
        }

        var unit = 1L;
        while (largest / unit >= 100)
        {
            unit *= 10;
        }

        var steps = (largest + unit - 1) / unit;
        return (steps % 2 == 0 ? steps : steps + 1) * unit;
    }

    private static string Text(string value) => WebUtility.HtmlEncode(value);

    private static string Attr(string value) => WebUtility.HtmlEncode(value);
}
