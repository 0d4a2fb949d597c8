using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using FeedHub.Sources;

namespace FeedHub.Publishing;

/// <summary>
/// The configured sources as publishing sees them: which source and region feeds exist, and a
/// fingerprint of everything a rendered feed shows of them, so a configuration change (a renamed
/// regency, a new site) renders afresh even when the store did not change. Build one per
/// configuration, not per request.
/// </summary>
public sealed class PublishedSources
{
    private readonly FrozenDictionary<string, Source> _byId;

    public PublishedSources(IReadOnlyList<Source> sources)
    {
        Sources = sources;
        _byId = sources.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        Ids = _byId.Keys.ToFrozenSet(StringComparer.Ordinal);
        Regions = sources.Select(s => s.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Fingerprint = FingerprintOf(sources);
    }

    public IReadOnlyList<Source> Sources { get; }

    /// <summary>The ids of the configured sources, for the <c>source</c> filter and source feeds.</summary>
    public IReadOnlySet<string> Ids { get; }

    /// <summary>Region slugs in ordinal order.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Hex SHA-256 over each source's id, name, region and site URL, in configuration order.</summary>
    public string Fingerprint { get; }

    public Source? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Whether a feed of <paramref name="scope"/> exists: its source or region is configured. Every
    /// category has a feed (an empty one when no item carries it), as categories come from the items.
    /// </summary>
    public bool Covers(FeedScope scope) => scope.Kind switch
    {
        FeedScopeKind.Source => _byId.ContainsKey(scope.Key),
        FeedScopeKind.Region => Regions.Contains(scope.Key, StringComparer.Ordinal),
        _ => true,
    };

    /// <summary>The combined feed, then every source, then every region: the scopes the configuration alone defines.</summary>
    public IEnumerable<FeedScope> Scopes() =>
        new[] { FeedScope.All }
            .Concat(Sources.Select(s => FeedScope.Source(s.Id)))
            .Concat(Regions.Select(FeedScope.Region));

    private static string FingerprintOf(IReadOnlyList<Source> sources)
    {
        var text = new StringBuilder();
        foreach (var s in sources)
            text.Append(s.Id).Append('\n').Append(s.Name).Append('\n').Append(s.Region).Append('\n').Append(s.Url.AbsoluteUri).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
