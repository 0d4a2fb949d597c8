using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace FeedHub.Sources;

/// <summary>
/// Reads feeds.json and validates all of it at once, so an operator sees every mistake in one run,
/// each with its JSON path. Unknown fields are errors: a misspelt "intervall" must not be ignored.
/// </summary>
public static class ConfigLoader
{
    public static SourceCatalog LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [new ConfigError("$", $"cannot read the file: {e.Message}")]);
        }
        return Parse(text, path);
    }

    /// <param name="json">The file's text.</param>
    /// <param name="file">Its name, for messages.</param>
    public static SourceCatalog Parse(string json, string file = "feeds.json")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "unknown position";
            throw new ConfigException(file, [new ConfigError("$", $"not valid JSON at {where}: {FirstSentence(e.Message)}")]);
        }
        using (doc)
        {
            var reader = new Reader();
            var catalog = reader.Read(doc.RootElement);
            if (reader.Errors.Count > 0) throw new ConfigException(file, reader.Errors);
            return catalog!;
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    private sealed class Reader
    {
        private const int MaxNameLength = 100;

        private static readonly Regex IdPattern = new("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant);
        private static readonly Regex RegionPattern = new("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant);
        private static readonly HtmlParser SelectorProbe = new();
        private static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan MaxInterval = TimeSpan.FromDays(7);

        public List<ConfigError> Errors { get; } = [];

        private void Error(string path, string message) => Errors.Add(new ConfigError(path, message));

        public SourceCatalog? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "the top level must be an object with \"profiles\" and \"sources\"");
                return null;
            }
            CheckFields(root, "$", "$schema", "defaults", "profiles", "sources");
            var defaults = ReadDefaults(root);
            var profiles = ReadProfiles(root);
            var sources = ReadSources(root, profiles, defaults);
            return new SourceCatalog(profiles, sources);
        }

        private sealed record Defaults(IReadOnlyList<int> Categories, TimeSpan Interval, TimeZoneInfo TimeZone);

        private Defaults ReadDefaults(JsonElement root)
        {
            var fallback = new Defaults([104], TimeSpan.FromMinutes(15), TimeZones.Wib);
            if (!root.TryGetProperty("defaults", out var d)) return fallback;
            const string path = "$.defaults";
            if (!IsObject(d, path)) return fallback;
            CheckFields(d, path, "categories", "interval", "timeZone");
            return new Defaults(
                d.TryGetProperty("categories", out var c) ? ReadCategories(c, path + ".categories") : fallback.Categories,
                d.TryGetProperty("interval", out var i) ? ReadInterval(i, path + ".interval") ?? fallback.Interval : fallback.Interval,
                d.TryGetProperty("timeZone", out var z) ? ReadZone(z, path + ".timeZone") ?? fallback.TimeZone : fallback.TimeZone);
        }

        private Dictionary<string, Profile> ReadProfiles(JsonElement root)
        {
            var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
            if (!root.TryGetProperty("profiles", out var p)) return profiles;
            if (!IsObject(p, "$.profiles")) return profiles;
            foreach (var prop in p.EnumerateObject())
            {
                var path = $"$.profiles.{prop.Name}";
                if (!IsObject(prop.Value, path)) continue;
                var v = prop.Value;
                CheckFields(v, path, "listPath", "articlePatterns", "selectors", "titleSeparatorPattern", "remove");
                var profile = new Profile { Name = prop.Name };
                if (v.TryGetProperty("listPath", out var lp) && String(lp, path + ".listPath") is { } listPath)
                {
                    if (!listPath.StartsWith('/') || !listPath.Contains("{category}", StringComparison.Ordinal))
                        Error(path + ".listPath", $"must start with '/' and contain {{category}}, got \"{listPath}\"");
                    else profile = profile with { ListPath = listPath };
                }
                if (v.TryGetProperty("articlePatterns", out var ap))
                {
                    var patterns = ReadPatterns(ap, path + ".articlePatterns");
                    if (patterns.Count > 0) profile = profile with { ArticlePatterns = patterns };
                }
                if (v.TryGetProperty("titleSeparatorPattern", out var tp) && String(tp, path + ".titleSeparatorPattern") is { } sep
                    && IsRegex(sep, path + ".titleSeparatorPattern"))
                    profile = profile with { TitleSeparatorPattern = sep };
                if (v.TryGetProperty("selectors", out var sel))
                    profile = profile with { Selectors = ReadSelectors(sel, path + ".selectors") };
                if (v.TryGetProperty("remove", out var rm))
                    profile = profile with { Remove = ReadRemove(rm, path + ".remove") };
                profiles[prop.Name] = profile;
            }
            return profiles;
        }

        private List<Source> ReadSources(JsonElement root, Dictionary<string, Profile> profiles, Defaults defaults)
        {
            var sources = new List<Source>();
            if (!root.TryGetProperty("sources", out var arr))
            {
                Error("$.sources", "missing: list at least one source");
                return sources;
            }
            if (arr.ValueKind != JsonValueKind.Array)
            {
                Error("$.sources", $"must be an array, got {Kind(arr)}");
                return sources;
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var s in arr.EnumerateArray())
            {
                var path = $"$.sources[{index}]";
                if (ReadSource(s, path, profiles, defaults) is { } source)
                {
                    if (seen.TryGetValue(source.Id, out var first))
                        Error(path + ".id", $"duplicate id \"{source.Id}\" (also $.sources[{first}])");
                    else
                    {
                        seen[source.Id] = index;
                        sources.Add(source);
                    }
                }
                index++;
            }
            if (index == 0) Error("$.sources", "is empty: list at least one source");
            return sources;
        }

        private Source? ReadSource(JsonElement s, string path, Dictionary<string, Profile> profiles, Defaults defaults)
        {
            if (!IsObject(s, path)) return null;
            var before = Errors.Count;
            CheckFields(s, path, "id", "name", "region", "url", "kind", "profile", "categories", "interval", "timeZone", "selectors");
            var id = Required(s, "id", path);
            if (id is not null && !IdPattern.IsMatch(id))
                Error(path + ".id", $"\"{id}\" must be lowercase letters, digits and '-', like \"kab-blora\"");
            var name = Required(s, "name", path);
            if (name is not null && name.Length > MaxNameLength)
            {
                // The name is in every feed's title, every item's source and each dashboard row; a long one bloats them all.
                Error(path + ".name", $"is {name.Length} characters long; at most {MaxNameLength} (e.g. \"KPU Kabupaten Blora\")");
                name = null;
            }
            var region = Required(s, "region", path);
            if (region is not null && !RegionPattern.IsMatch(region))
                Error(path + ".region", $"\"{region}\" must be a lowercase slug, like \"jawa-tengah\"");
            Uri? url = null;
            if (Required(s, "url", path) is { } rawUrl)
            {
                if (!Uri.TryCreate(rawUrl, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    Error(path + ".url", $"\"{rawUrl}\" is not an absolute http(s) URL");
                    url = null;
                }
                else if (url.UserInfo.Length > 0)
                {
                    // The URL is printed in feeds, OPML and the dashboard: credentials in it would be published.
                    Error(path + ".url", "must not hold a user name or password (user:pass@): the URL is published in feeds, OPML and the dashboard");
                    url = null;
                }
            }
            var kind = SourceKind.Html;
            if (s.TryGetProperty("kind", out var k) && String(k, path + ".kind") is { } kindText)
            {
                switch (kindText)
                {
                    case "html": break;
                    case "feed": kind = SourceKind.Feed; break;
                    default: Error(path + ".kind", $"\"{kindText}\" is not a kind: use \"html\" (default) or \"feed\""); break;
                }
            }
            Profile? profile = null;
            if (s.TryGetProperty("profile", out var p) && String(p, path + ".profile") is { } profileName)
            {
                if (!profiles.TryGetValue(profileName, out profile))
                    Error(path + ".profile", $"unknown profile \"{profileName}\"" +
                          (profiles.Count > 0 ? $" (defined: {string.Join(", ", profiles.Keys)})" : " (no profiles are defined)"));
            }
            else if (kind == SourceKind.Html)
                Error(path + ".profile", "missing: an html source needs a profile, e.g. \"kpu-blog\"");
            var categories = s.TryGetProperty("categories", out var c) ? ReadCategories(c, path + ".categories") : defaults.Categories;
            var interval = s.TryGetProperty("interval", out var i) ? ReadInterval(i, path + ".interval") : defaults.Interval;
            var zone = s.TryGetProperty("timeZone", out var z) ? ReadZone(z, path + ".timeZone") : defaults.TimeZone;
            var overrides = s.TryGetProperty("selectors", out var sel) ? ReadSelectors(sel, path + ".selectors") : Selectors.None;

            if (Errors.Count > before) return null;
            return new Source
            {
                Id = id!, Name = name!, Region = region!, Url = url!, Kind = kind,
                Profile = profile ?? new Profile { Name = "feed" },
                Categories = categories, Interval = interval!.Value, TimeZone = zone!, Overrides = overrides,
            };
        }

        private IReadOnlyList<int> ReadCategories(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"must be an array of category ids like [104], got {Kind(e)}");
                return [];
            }
            var list = new List<int>();
            var n = 0;
            foreach (var c in e.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var id) && id > 0)
                {
                    if (list.Contains(id)) Error($"{path}[{n}]", $"category {id} is listed twice");
                    else list.Add(id);
                }
                else Error($"{path}[{n}]", $"must be a positive whole number, got {c.GetRawText()}");
                n++;
            }
            if (n == 0) Error(path, "is empty: list at least one category id, e.g. [104]");
            return list;
        }

        /// <summary>Accepts "00:15:00" or the shorthand "15m", "2h", "30s", "1d".</summary>
        private TimeSpan? ReadInterval(JsonElement e, string path)
        {
            if (String(e, path) is not { } text) return null;
            var value = ParseInterval(text);
            if (value is null)
                Error(path, $"\"{text}\" is not an interval: use \"00:15:00\" or \"15m\", \"2h\"");
            else if (value < MinInterval || value > MaxInterval)
                Error(path, $"\"{text}\" is outside the allowed range 1 minute to 7 days");
            else return value;
            return null;
        }

        internal static TimeSpan? ParseInterval(string text)
        {
            var m = Regex.Match(text, @"^\s*(\d{1,5})\s*([smhd])\s*$", RegexOptions.CultureInvariant);
            if (m.Success)
            {
                var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                return m.Groups[2].Value switch
                {
                    "s" => TimeSpan.FromSeconds(n),
                    "m" => TimeSpan.FromMinutes(n),
                    "h" => TimeSpan.FromHours(n),
                    _ => TimeSpan.FromDays(n),
                };
            }
            return TimeSpan.TryParseExact(text, @"c", CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        private TimeZoneInfo? ReadZone(JsonElement e, string path)
        {
            if (String(e, path) is not { } id) return null;
            var zone = TimeZones.Find(id);
            if (zone is null) Error(path, $"unknown time zone \"{id}\": use an IANA id such as \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA), \"Asia/Jayapura\" (WIT)");
            return zone;
        }

        private List<string> ReadPatterns(JsonElement e, string path) => ReadStrings(e, path, "regular expressions", IsArticlePattern);

        private bool IsArticlePattern(string pattern, string path)
        {
            if (!IsRegex(pattern, path)) return false;
            if (pattern.Contains("(?<slug>", StringComparison.Ordinal)) return true;
            Error(path, "needs a named group (?<slug>...) that identifies the article");
            return false;
        }

        private Selectors ReadSelectors(JsonElement e, string path)
        {
            if (!IsObject(e, path)) return Selectors.None;
            CheckFields(e, path, "item", "link", "title", "body", "date");
            string? Get(string field) =>
                e.TryGetProperty(field, out var v) && String(v, $"{path}.{field}") is { } css && IsSelector(css, $"{path}.{field}") ? css : null;
            return new Selectors { Item = Get("item"), Link = Get("link"), Title = Get("title"), Body = Get("body"), Date = Get("date") };
        }

        private List<string> ReadRemove(JsonElement e, string path) => ReadStrings(e, path, "CSS selectors", IsSelector);

        /// <summary>An array of strings, each kept when <paramref name="isValid"/> accepts it (which reports why not).</summary>
        private List<string> ReadStrings(JsonElement e, string path, string what, Func<string, string, bool> isValid)
        {
            var list = new List<string>();
            if (e.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"must be an array of {what}, got {Kind(e)}");
                return list;
            }
            var n = 0;
            foreach (var item in e.EnumerateArray())
            {
                var itemPath = $"{path}[{n++}]";
                if (String(item, itemPath) is { } value && isValid(value, itemPath)) list.Add(value);
            }
            return list;
        }

        private bool IsSelector(string css, string path)
        {
            try
            {
                using var doc = SelectorProbe.ParseDocument("<html></html>");
                doc.QuerySelector(css);
                return true;
            }
            catch (Exception ex) when (ex is AngleSharp.Dom.DomException or ArgumentException)
            {
                Error(path, $"\"{css}\" is not a valid CSS selector");
                return false;
            }
        }

        /// <summary>
        /// Long runs of one kind of character ending in a mismatch: what makes a catastrophic pattern
        /// (<c>(a+)+$</c>, <c>(\w|\d)*x</c>, <c>(\s*)*$</c>) backtrack for ever on a URL or title.
        /// </summary>
        private static readonly string[] PatternProbes =
        [
            new string('a', 40) + "!", new string('1', 40) + "!", string.Concat(Enumerable.Repeat("a-", 30)) + "!",
            new string(' ', 40) + "!", "https://kab-blora.kpu.go.id/blog/read/" + new string('a', 40) + "/!",
            "https://kab-blora.kpu.go.id/index.php/blog/read/" + string.Concat(Enumerable.Repeat("a-", 30)) + "/!",
        ];

        private bool IsRegex(string pattern, string path)
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern, Profile.PatternOptions, Profile.PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                Error(path, $"not a valid regular expression: {ex.Message}");
                return false;
            }
            foreach (var probe in PatternProbes)
            {
                try
                {
                    regex.IsMatch(probe);
                }
                catch (RegexMatchTimeoutException)
                {
                    Error(path, $"\"{pattern}\" takes over {Profile.PatternTimeout.TotalMilliseconds:0} ms on the test string \"{probe}\" " +
                                "(catastrophic backtracking); it would stop on every page, so rewrite it without nested repetition");
                    return false;
                }
            }
            return true;
        }

        private string? Required(JsonElement obj, string field, string path)
        {
            if (!obj.TryGetProperty(field, out var v))
            {
                Error($"{path}.{field}", "missing");
                return null;
            }
            var text = String(v, $"{path}.{field}");
            if (text is not null && string.IsNullOrWhiteSpace(text))
            {
                Error($"{path}.{field}", "must not be empty");
                return null;
            }
            return text;
        }

        private string? String(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.String) return e.GetString();
            Error(path, $"must be a string, got {Kind(e)}");
            return null;
        }

        private bool IsObject(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object) return true;
            Error(path, $"must be an object, got {Kind(e)}");
            return false;
        }

        private void CheckFields(JsonElement obj, string path, params string[] known)
        {
            foreach (var prop in obj.EnumerateObject())
                if (Array.IndexOf(known, prop.Name) < 0)
                    Error($"{path}.{prop.Name}", $"unknown field (expected one of: {string.Join(", ", known)})");
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string {e.GetRawText()}",
            JsonValueKind.Number => $"the number {e.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => $"{e.GetRawText()}",
            _ => "null",
        };
    }
}
