namespace FeedHub.Publishing;

/// <summary>Renders a <see cref="FeedPage"/> into the bytes of one format; same page, same bytes.</summary>
public interface IFeedWriter
{
    FeedFormat Format { get; }

    byte[] Write(FeedPage page);
}
