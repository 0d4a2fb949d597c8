namespace FeedHub.Publishing;

/// <summary>A feed request parameter the reader got wrong; the message is plain text fit for a 400 answer.</summary>
public sealed class FeedQueryException(string parameter, string message) : Exception(message)
{
    /// <summary>The offending query parameter, e.g. <c>limit</c>.</summary>
    public string Parameter { get; } = parameter;
}
