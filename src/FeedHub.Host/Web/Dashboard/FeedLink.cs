using FeedHub.Publishing;

namespace FeedHub.Host.Web.Dashboard;

/// <summary>A feed a page advertises for autodiscovery, in every format.</summary>
public sealed record FeedLink(string Title, FeedScope Scope);
