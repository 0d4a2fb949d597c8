namespace FeedHub.Fixtures.Pages;

/// <summary>Pages that are not content: errors, maintenance, and the opening of a response that never ends.</summary>
internal static class StatusPages
{
    public static string NotFound(string siteName) => Plain("404 | Not Found", $"<div><h1>404</h1><p>Halaman tidak ditemukan.</p><p><a href=\"/\">{PageChrome.Html(siteName)}</a></p></div>");

    public static string ServerError() => Plain("Server Error", "<div><h1>500</h1><p>Server Error</p></div>");

    /// <summary>The 200 page seen on election days (§7): no article links, nothing to extract.</summary>
    public static string Maintenance(string siteName) => Plain($"{PageChrome.Html(siteName)} - Pemeliharaan",
        "<div><img src=\"/assets/images/logo-kpu.png\" alt=\"\"><h1>Mohon Maaf</h1>" +
        "<p>Website dalam pemeliharaan. Silakan kembali beberapa saat lagi.</p></div>");

    /// <summary>What a hanging site sends before it stalls: headers and the first bytes of a normal page.</summary>
    public const string HangingStart = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n";

    private static string Plain(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n";
}
