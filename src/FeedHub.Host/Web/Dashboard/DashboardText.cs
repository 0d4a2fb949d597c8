using System.Globalization;
using FeedHub.Monitoring;
using FeedHub.Publishing;
using FeedHub.Host.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>Names the dashboard's texts: DashboardText.resx (Indonesian, the default) and DashboardText.en.resx.</summary>
public sealed class DashboardText;

/// <summary>
/// What every dashboard view needs from its request: the texts in the request's language, links under the
/// request's path base (so the dashboard works behind a reverse proxy that sets it), and the time of the request.
/// </summary>
public sealed class PageContext(HttpContext http, IStringLocalizer<DashboardText> text, DateTimeOffset now, QuietRule rule)
{
    public static PageContext For(HttpContext http)
    {
        var services = http.RequestServices;
        return new PageContext(http, services.GetRequiredService<IStringLocalizer<DashboardText>>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), services.GetRequiredService<QuietRule>());
    }

    public DateTimeOffset Now => now;

    /// <summary>The page's language for <c>&lt;html lang&gt;</c>: <c>id</c> or <c>en</c>.</summary>
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public string this[string key] => text[key];

    public string this[string key, params object[] arguments] => text[key, arguments];

    /// <summary>This page in another language: the same query with <c>lang</c> replaced.</summary>
    public string InLanguage(string language) =>
        QueryString.Create(http.Request.Query.Where(p => p.Key != DashboardEndpoints.LanguageKey)
            .Append(new(DashboardEndpoints.LanguageKey, language))).ToUriComponent();

    /// <summary>A root-relative dashboard path (with any query) under the request's path base.</summary>
    public string Href(string path) => http.Request.PathBase.ToUriComponent() + path;

    /// <summary>
    /// A followable link target: dashboard paths go under the path base; absolute http(s) URLs pass;
    /// anything else (javascript:, data:, protocol-relative) is refused as null.
    /// </summary>
    public string? SafeHref(string? href)
    {
        if (string.IsNullOrEmpty(href)) return null;
        if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)) return Href(href);
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    public string Status(SourceStatus status) => text["Status." + status.Slug()];

    /// <summary>"3 jam lalu" / "3 h ago", or "dalam 5 menit" / "in 5 min" for a future time.</summary>
    public string Age(DateTimeOffset? value) => value switch
    {
        null => text["Age.Never"],
        { } v when v > now => text["Age.In", Span(v - now)],
        { } v => text["Age.Ago", Span(now - v)],
    };

    public string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        return span.TotalDays >= 2 ? text["Unit.Days", (int)span.TotalDays]
            : span.TotalHours >= 1 ? text["Unit.Hours", (int)span.TotalHours]
            : span.TotalMinutes >= 1 ? text["Unit.Minutes", (int)span.TotalMinutes]
            : text["Unit.Seconds", (int)span.TotalSeconds];
    }

    /// <summary>Why a source has its status, in the reader's language.</summary>
    public string Reason(SourceReport report)
    {
        var health = report.Health;
        return health.Status switch
        {
            SourceStatus.Pending => text["Reason.Pending"],
            SourceStatus.Ok => text["Reason.Ok"],
            SourceStatus.Quiet when report.Activity?.Newest is { } newest =>
                text["Reason.Quiet", Span(now - newest.Published), Span(rule.AllowedSilence(report.Activity.RecentPublished))],
            SourceStatus.Quiet => text["Reason.QuietEmpty"],
            _ => health.Reason,
        };
    }

    /// <summary>The plain-language cause of a failure, and what to do next.</summary>
    public (string Cause, string Next)? Diagnosis(SourceReport report) => FailureCauses.Of(report.State) switch
    {
        FailureCause.None => null,
        var cause => (text["Cause." + cause], text["Next." + cause, report.Source.Id]),
    };
}
