using System.Text.RegularExpressions;

namespace FeedHub.Sources;

/// <summary>
/// Runs the regular expressions an operator writes into feeds.json (<c>articlePatterns</c>,
/// <c>titleSeparatorPattern</c>) with a match timeout: a pattern that backtracks catastrophically costs
/// the page or URL it met, as a failure naming the pattern, never a crawl hung for hours.
/// </summary>
public static class ProfilePattern
{
    /// <summary>Far above what any sane pattern needs on a URL or title (microseconds), far below a stuck crawl.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>
    /// Inputs on which a catastrophic pattern such as <c>(a+)+$</c> or <c>([a-z0-9]+-?)*$</c> runs out of time:
    /// long runs of one kind of character behind each article path form, ending in a character that fails the match.
    /// </summary>
    private static readonly string[] Probes =
    [
        .. from prefix in new[]
            {
                "https://kab-contoh.kpu.go.id/index.php/blog/read/", "https://kab-contoh.kpu.go.id/blog/read/",
                "https://kab-contoh.kpu.go.id/berita/baca/1/", "",
            }
            from tail in new[] { new string('a', 40), string.Concat(Enumerable.Repeat("rapat-", 12)), new string('1', 40), new string('/', 40) }
            select prefix + tail + "!",
        string.Concat(Enumerable.Repeat("Rapat Pleno - ", 10)) + "!",
    ];

    /// <exception cref="PatternTimeoutException">The pattern ran out of time on <paramref name="input"/>.</exception>
    public static Match Match(string input, string pattern) => Guard(() => Regex.Match(input, pattern, Options, MatchTimeout), input, pattern);

    /// <exception cref="PatternTimeoutException">The pattern ran out of time on <paramref name="input"/>.</exception>
    public static bool IsMatch(string input, string pattern) => Guard(() => Regex.IsMatch(input, pattern, Options, MatchTimeout), input, pattern);

    /// <exception cref="PatternTimeoutException">The pattern ran out of time on <paramref name="input"/>.</exception>
    public static string Replace(string input, string pattern, string replacement) =>
        Guard(() => Regex.Replace(input, pattern, replacement, Options, MatchTimeout), input, pattern);

    /// <summary>The first probe input the (valid) pattern runs out of time on, or null when it handles them all.</summary>
    public static string? FirstTimeout(string pattern)
    {
        foreach (var probe in Probes)
        {
            try
            {
                Regex.IsMatch(probe, pattern, Options, MatchTimeout);
            }
            catch (RegexMatchTimeoutException)
            {
                return probe;
            }
        }
        return null;
    }

    private static T Guard<T>(Func<T> run, string input, string pattern)
    {
        try
        {
            return run();
        }
        catch (RegexMatchTimeoutException)
        {
            throw new PatternTimeoutException(pattern, input);
        }
    }
}

/// <summary>A feeds.json pattern took longer than <see cref="ProfilePattern.MatchTimeout"/> on one input.</summary>
public sealed class PatternTimeoutException(string pattern, string input) : Exception(
    $"feeds.json pattern \"{pattern}\" ran over {ProfilePattern.MatchTimeout.TotalMilliseconds:0} ms on \"{(input.Length > 120 ? input[..120] + "…" : input)}\" " +
    "(catastrophic backtracking): simplify it; `feedhub check` tests every pattern");
