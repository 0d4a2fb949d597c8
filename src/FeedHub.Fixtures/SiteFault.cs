namespace FeedHub.Fixtures;

/// <summary>
/// A fault a site injects into every response but robots.txt, so tests can prove a crawler survives
/// what months of polling real sites bring. Outages that are site behaviours (500, hanging, maintenance)
/// are <see cref="SiteMode"/>s; a reset connection and an unanswered connect are <see cref="TcpFault"/>s.
/// </summary>
public enum SiteFault
{
    None,
    /// <summary>200 and headers at once, then the page a few bytes at a time, far too slowly to finish.</summary>
    SlowDrip,
    /// <summary>Content-Length of the whole page, half of it sent, then the connection dropped.</summary>
    TruncatedBody,
    /// <summary>429 Too Many Requests with <c>Retry-After: 120</c>.</summary>
    TooManyRequests,
    /// <summary>Every page redirects to itself with <c>?loop=1</c>, which redirects back.</summary>
    RedirectLoop,
    /// <summary>Every page redirects to the same path on 10.0.0.1, a private address no source is configured on.</summary>
    RedirectToPrivateAddress,
    /// <summary>The page padded to <see cref="FaultSizes.Oversized"/> bytes, streamed without Content-Length.</summary>
    OversizedBody,
    /// <summary>The page padded to <see cref="FaultSizes.TenMegabytes"/> bytes, announced by Content-Length.</summary>
    TenMegabytePage,
    /// <summary>200 with an empty body.</summary>
    EmptyOk,
    /// <summary>The Content-Type names a charset that does not exist (<c>utf-9</c>); the page's meta says UTF-8.</summary>
    UnknownCharset,
    /// <summary>Neither Content-Type nor the markup names a charset; the bytes are UTF-8.</summary>
    MissingCharset,
    /// <summary>A UTF-8 byte-order mark, while the Content-Type claims windows-1252.</summary>
    ByteOrderMark,
    /// <summary>Content-Type and meta both claim windows-1252; the bytes are UTF-8 without a byte-order mark.</summary>
    CharsetLie,
    /// <summary>Bytes that are not UTF-8 (<c>FF FE C3</c>) before every closing heading tag.</summary>
    InvalidUtf8,
    /// <summary>The page's content inside <see cref="FaultSizes.NestingDepth"/> unclosed <c>&lt;div&gt;</c>s.</summary>
    DeepNesting,
    /// <summary>List pages are normal; every article page answers 404.</summary>
    ArticlesNotFound,
}

/// <summary>The sizes the size and nesting faults use.</summary>
public static class FaultSizes
{
    /// <summary>Above FeedHub's default 5 MB body cap.</summary>
    public const int Oversized = 6 * 1024 * 1024;
    public const int TenMegabytes = 10 * 1024 * 1024;
    public const int NestingDepth = 20_000;
}
