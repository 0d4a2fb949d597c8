using System.Text;
using FeedHub.Monitoring;
using FeedHub.Publishing;
using Microsoft.AspNetCore.Http;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>A feed a page advertises for autodiscovery, in every format.</summary>
internal sealed record FeedLink(string Title, FeedScope Scope);

/// <summary>The shell every dashboard page shares: head with autodiscovery links, navigation, strict headers.</summary>
internal static class HtmlPage
{
    /// <summary>No inline script or style anywhere, so this policy holds.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    public static readonly FeedLink CombinedFeed = new("All KPU news", FeedScope.All);

    public static IResult Render(string title, IReadOnlyList<FeedLink> feeds, Action<HtmlWriter> body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>").Open("html", ("lang", "en")).Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", title + " · FeedHub")
            .Open("link", ("rel", "stylesheet"), ("href", SiteCss.Path));
        foreach (var feed in feeds)
            foreach (var format in Enum.GetValues<FeedFormat>())
                html.Open("link", ("rel", "alternate"), ("type", format.MediaType()),
                    ("title", $"{feed.Title} ({Label(format)})"), ("href", FeedPath.For(feed.Scope, format)));
        html.Close("head").Open("body")
            .Open("header").Open("nav")
            .Element("a", "FeedHub", ("href", "/"), ("class", "brand"))
            .Element("a", "Search", ("href", "/items"))
            .Element("a", "Atom", ("href", FeedPath.For(FeedScope.All, FeedFormat.Atom)))
            .Element("a", "OPML", ("href", FeedPath.Opml))
            .Close("nav").Close("header")
            .Open("main");
        body(html);
        html.Close("main").Close("body").Close("html");
        return new Result(html.ToString(), statusCode);
    }

    /// <summary>The not-found page, with a way back.</summary>
    public static IResult NotFound(string message) =>
        Render("Not found", [CombinedFeed], html => html
            .Element("h1", "Not found")
            .Element("p", message)
            .Open("p").Element("a", "Back to the dashboard", ("href", "/")).Close("p"), StatusCodes.Status404NotFound);

    /// <summary>A status badge: colour from CSS and the label in words, never colour alone.</summary>
    public static HtmlWriter Badge(this HtmlWriter html, SourceStatus status) =>
        html.Element("span", status.Label(), ("class", "badge " + status.Slug()));

    /// <summary>Links to a scope's feeds in every format.</summary>
    public static HtmlWriter FeedLinks(this HtmlWriter html, FeedScope scope)
    {
        foreach (var format in Enum.GetValues<FeedFormat>())
            html.Element("a", Label(format), ("href", FeedPath.For(scope, format)), ("type", format.MediaType()), ("class", "feed")).Raw(" ");
        return html;
    }

    private static string Label(FeedFormat format) => format switch
    {
        FeedFormat.Atom => "Atom",
        FeedFormat.Rss => "RSS",
        FeedFormat.Json => "JSON Feed",
        _ => format.ToString(),
    };

    private sealed class Result(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "no-cache";
            return response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
        }
    }
}
