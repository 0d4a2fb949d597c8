namespace FeedHub.Fetching;

/// <summary>Thrown from the connect callback when <see cref="OutboundPolicy"/> refuses every resolved address.</summary>
public sealed class OutboundRefusedException(string message) : Exception(message);
