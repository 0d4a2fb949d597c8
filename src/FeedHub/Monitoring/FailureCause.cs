using FeedHub.Storage;

namespace FeedHub.Monitoring;

/// <summary>Why a source's last run failed, in the few kinds an operator acts on differently.</summary>
public enum FailureCause
{
    /// <summary>The last run did not fail.</summary>
    None,
    /// <summary>The site's name resolves to no address (DNS): often this machine is offline.</summary>
    NoAddress,
    /// <summary>The connection was refused, reset or broke before an answer.</summary>
    Unreachable,
    /// <summary>The site took longer than the timeout.</summary>
    Timeout,
    /// <summary>The site answered 5xx.</summary>
    ServerError,
    /// <summary>The list page answered 404 or 410: its address moved.</summary>
    NotFound,
    /// <summary>The site answered 401, 403 or 429: it refuses or throttles FeedHub.</summary>
    Refused,
    /// <summary>Too many redirects, too large a body, or another HTTP answer FeedHub cannot use.</summary>
    BadAnswer,
    /// <summary>The site answered, but no article could be read: a template change or a maintenance page.</summary>
    TemplateChanged,
    /// <summary>The site was read, but FeedHub could not store the run: its database is busy, full, read-only or gone.</summary>
    Storage,
}

/// <summary>Reads the cause from what a failed run recorded: its failure kind and error text.</summary>
public static class FailureCauses
{
    public static FailureCause Of(SourceState? state)
    {
        if (state is null || (state.ConsecutiveFailures == 0 && state.LastFailureKind == FailureKind.None)) return FailureCause.None;
        if (state.LastFailureKind == FailureKind.Extraction) return FailureCause.TemplateChanged;
        if (state.LastFailureKind == FailureKind.Storage) return FailureCause.Storage;
        var error = state.LastError ?? "";
        // The texts are those the downloader writes (HTTP status lines) and the runtime's socket messages.
        if (Has(error, "Name or service not known", "No such host", "nodename nor servname", "name resolution", "No address associated"))
            return FailureCause.NoAddress;
        if (Has(error, "timed out")) return FailureCause.Timeout;
        if (Has(error, ": HTTP 5")) return FailureCause.ServerError;
        if (Has(error, ": HTTP 404", ": HTTP 410")) return FailureCause.NotFound;
        if (Has(error, ": HTTP 401", ": HTTP 403", ": HTTP 429")) return FailureCause.Refused;
        if (Has(error, ": HTTP ", " cap", "redirect")) return FailureCause.BadAnswer;
        return FailureCause.Unreachable;
    }

    private static bool Has(string error, params string[] parts) =>
        parts.Any(p => error.Contains(p, StringComparison.OrdinalIgnoreCase));
}
