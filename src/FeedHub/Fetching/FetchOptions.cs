namespace FeedHub.Fetching;

/// <summary>How FeedHub treats the sites it polls. Bound from the <c>FeedHub:Fetch</c> section.</summary>
public sealed class FetchOptions
{
    /// <summary>Product token and contact URL, e.g. "FeedHub/1.0 (+https://example.org/feedhub)".</summary>
    public string UserAgent { get; set; } = "FeedHub/1.0 (+https://github.com/feedhub/feedhub; KPU news aggregator)";
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Whole request, headers and body.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;
    /// <summary>Minimum time between the end of one request and the start of the next to one host.</summary>
    public TimeSpan MinHostGap { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Requests in flight across all hosts.</summary>
    public int MaxParallelHosts { get; set; } = 8;
    public bool ObeyRobotsTxt { get; set; } = true;
    public TimeSpan RobotsCacheTime { get; set; } = TimeSpan.FromHours(24);
}
