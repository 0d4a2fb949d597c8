namespace FeedHub.Fetching;

/// <summary>
/// The Allow/Disallow rules of one robots.txt that apply to one crawler (RFC 9309): the groups naming our
/// product token, else the <c>*</c> groups; the longest matching pattern wins, Allow on a tie; <c>*</c>
/// matches any run of characters and a trailing <c>$</c> anchors the end.
/// </summary>
public sealed class RobotsRules
{
    /// <summary>No rules: every path is allowed (no robots.txt, or one we could not read).</summary>
    public static readonly RobotsRules AllowAll = new([]);

    private readonly IReadOnlyList<Rule> rules;

    private RobotsRules(IReadOnlyList<Rule> rules) => this.rules = rules;

    /// <summary>The rules of <paramref name="robotsTxt"/> for the crawler named <paramref name="productToken"/> (e.g. "FeedHub").</summary>
    public static RobotsRules Parse(string robotsTxt, string productToken)
    {
        var ours = new List<Rule>();
        var anyone = new List<Rule>();
        bool forUs = false, forAnyone = false, inAgentLines = false, namesUs = false;

        foreach (var rawLine in robotsTxt.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();

            if (key == "user-agent")
            {
                if (!inAgentLines)
                    forUs = forAnyone = false;
                inAgentLines = true;
                var agent = ProductToken(value);
                forUs |= agent.Equals(productToken, StringComparison.OrdinalIgnoreCase);
                namesUs |= forUs;
                forAnyone |= agent == "*";
                continue;
            }
            if (key is not ("allow" or "disallow"))
                continue;
            inAgentLines = false;
            if (value.Length == 0)
                continue;
            var rule = new Rule(value, key == "allow");
            if (forUs)
                ours.Add(rule);
            if (forAnyone)
                anyone.Add(rule);
        }
        // A group naming us shadows "*" even when it has no rules ("User-agent: FeedHub" + "Disallow:").
        return new RobotsRules(namesUs ? ours : anyone);
    }

    /// <summary>The product token of a User-Agent string: "FeedHub/1.0 (+https://…)" → "FeedHub".</summary>
    public static string ProductToken(string userAgent)
    {
        var end = userAgent.IndexOfAny(['/', ' ', '(']);
        return (end < 0 ? userAgent : userAgent[..end]).Trim();
    }

    /// <summary>Whether a URL with this path and query (as sent, percent-encoded) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
            return true;
        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!Matches(rule.Pattern, pathAndQuery))
                continue;
            if (best is null || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow))
                best = rule;
        }
        return best?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
            return false;
        if (parts.Length == 1)
            return !anchored || path.Length == parts[0].Length;

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = path.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
                return false;
            position = found + parts[i].Length;
        }
        var last = parts[^1];
        return anchored
            ? path.Length - last.Length >= position && path.EndsWith(last, StringComparison.Ordinal)
            : path.IndexOf(last, position, StringComparison.Ordinal) >= 0;
    }

    private sealed record Rule(string Pattern, bool Allow);
}
