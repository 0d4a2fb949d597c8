using System.Globalization;
using FeedHub.Storage;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>Per-day activity as inline SVG: one bar per day, each with a tooltip title; no script, no CSS inline.</summary>
internal static class Sparkline
{
    public static void Write(HtmlWriter html, IReadOnlyList<DayCount> days, int barWidth = 4, int height = 24)
    {
        var max = Math.Max(1, days.Count == 0 ? 0 : days.Max(d => d.Count));
        var total = days.Sum(d => d.Count);
        var width = days.Count * barWidth;
        html.Open("svg", ("class", "spark"), ("role", "img"), ("width", N(width)), ("height", N(height)),
            ("viewBox", $"0 0 {N(width)} {N(height)}"), ("xmlns", "http://www.w3.org/2000/svg"),
            ("aria-label", $"{N(total)} items in the last {N(days.Count)} days"));
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var bar = day.Count == 0 ? 1 : Math.Max(2, (int)Math.Round((double)day.Count / max * height));
            html.Open("rect", ("class", day.Count == 0 ? "none" : "some"), ("x", N(i * barWidth)), ("y", N(height - bar)),
                    ("width", N(barWidth - 1)), ("height", N(bar)))
                .Element("title", $"{day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {N(day.Count)} item{(day.Count == 1 ? "" : "s")}")
                .Close("rect");
        }
        html.Close("svg");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
