using Microsoft.Extensions.Options;

namespace FeedHub.Fetching;

/// <summary>Rejects fetch settings that would make FeedHub impolite or stuck, naming the setting (Fetch:…).</summary>
public sealed class FetchOptionsValidation : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.UserAgent) || !o.UserAgent.Contains("http", StringComparison.OrdinalIgnoreCase))
            errors.Add($"Fetch:UserAgent must name the product and a contact URL, e.g. \"FeedHub/1.0 (+https://example.org/contact)\"; got \"{o.UserAgent}\"");
        if (o.ConnectTimeout <= TimeSpan.Zero || o.ConnectTimeout > TimeSpan.FromMinutes(5))
            errors.Add($"Fetch:ConnectTimeout must be between 0 and 5 minutes; got {o.ConnectTimeout}");
        if (o.TotalTimeout <= TimeSpan.Zero || o.TotalTimeout > TimeSpan.FromMinutes(10))
            errors.Add($"Fetch:TotalTimeout must be between 0 and 10 minutes; got {o.TotalTimeout}");
        if (o.MaxBodyBytes is < 1024 or > 1024L * 1024 * 1024)
            errors.Add($"Fetch:MaxBodyBytes must be between 1 KB and 1 GB; got {o.MaxBodyBytes}");
        if (o.MaxRedirects is < 0 or > 20)
            errors.Add($"Fetch:MaxRedirects must be between 0 and 20; got {o.MaxRedirects}");
        if (o.MinHostGap < TimeSpan.Zero || o.MinHostGap > TimeSpan.FromMinutes(10))
            errors.Add($"Fetch:MinHostGap must be between 0 and 10 minutes; got {o.MinHostGap}");
        if (o.MaxParallelHosts is < 1 or > 1024)
            errors.Add($"Fetch:MaxParallelHosts must be between 1 and 1024; got {o.MaxParallelHosts}");
        if (o.RobotsCacheTime <= TimeSpan.Zero)
            errors.Add($"Fetch:RobotsCacheTime must be positive; got {o.RobotsCacheTime}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
