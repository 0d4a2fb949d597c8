namespace FeedHub.Fixtures.Pages;

/// <summary>
/// Element and class names of one <see cref="MarkupVariant"/>. The structure and text are the same
/// in every theme; only these names change, and <see cref="MarkupVariant.NoClasses"/> has none.
/// </summary>
internal sealed record Theme
{
    public string? Wrapper { get; init; }
    public string? PageTitleId { get; init; }
    public string? PageTitle { get; init; }
    public string? Blog { get; init; }
    public string ItemTag { get; init; } = "div";
    public string? Item { get; init; }
    public string? ItemBody { get; init; }
    public string ListTitleTag { get; init; } = "h2";
    public string? ListTitle { get; init; }
    public string? Counter { get; init; }
    public string? More { get; init; }
    public string? Pagination { get; init; }
    public string? Image { get; init; }
    public string ArticleTitleTag { get; init; } = "h2";
    public string? ArticleTitle { get; init; }
    public string? Category { get; init; }
    public string? Date { get; init; }
    public string? Content { get; init; }
    public string? Share { get; init; }
    public string? Nav { get; init; }
    public string? Ticker { get; init; }
    public string? Sidebar { get; init; }
    public string? Footer { get; init; }

    public static readonly Theme Polo = new()
    {
        Wrapper = "body-inner", PageTitleId = "page-title", Image = "post-image", Blog = "blog", Item = "post-item", ItemBody = "post-item-description",
        Counter = "post-meta-comments", More = "item-link", Pagination = "pagination", Category = "post-meta-category",
        Date = "post-meta-date", Content = "post-content", Share = "post-share", Nav = "mainMenu", Ticker = "running-text",
        Sidebar = "sidebar", Footer = "footer",
    };

    public static readonly Theme OtherClasses = new()
    {
        Wrapper = "site-wrapper", PageTitle = "page-header", Image = "news-thumb", ArticleTitleTag = "h1",
        ArticleTitle = "entry-title", Blog = "news-list", ItemTag = "article", Item = "news-card", ItemBody = "news-card-body",
        ListTitleTag = "h3", ListTitle = "entry-title", Counter = "news-views", More = "read-more", Pagination = "pager",
        Category = "entry-category", Date = "entry-date", Content = "entry-content", Share = "share-buttons",
        Nav = "navbar-nav", Ticker = "marquee-text", Sidebar = "widget-area", Footer = "site-footer",
    };

    public static readonly Theme NoClasses = new() { ListTitleTag = "h3" };

    /// <summary>Class-less too; its article page is <see cref="PlainArticlePage"/>.</summary>
    public static readonly Theme Plain = new() { ListTitleTag = "h2", ArticleTitleTag = "h1" };

    public static Theme Of(MarkupVariant variant) => variant switch
    {
        MarkupVariant.Polo => Polo,
        MarkupVariant.OtherClasses => OtherClasses,
        MarkupVariant.Plain => Plain,
        _ => NoClasses,
    };

    /// <summary>Whether the theme names anything: class-less themes have no ad or share classes to draw.</summary>
    public bool HasClasses => Content is not null;

    /// <summary><c> class="…"</c>, or nothing when the theme has no name for it.</summary>
    public static string Class(string? name) => name is null ? "" : $" class=\"{name}\"";

    /// <summary><c> id="…"</c>, or nothing.</summary>
    public static string Id(string? name) => name is null ? "" : $" id=\"{name}\"";
}
