namespace FeedHub.Sources;

/// <summary>The validated content of feeds.json: every source with its profile resolved.</summary>
public sealed class SourceCatalog
{
    public SourceCatalog(IReadOnlyDictionary<string, Profile> profiles, IReadOnlyList<Source> sources)
    {
        Profiles = profiles;
        Sources = sources;
        _byId = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Source> _byId;

    public IReadOnlyDictionary<string, Profile> Profiles { get; }
    /// <summary>Sources in file order.</summary>
    public IReadOnlyList<Source> Sources { get; }

    public Source? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The sources with the given ids, or every source when none are given.</summary>
    /// <exception cref="ArgumentException">An id that is not configured.</exception>
    public IReadOnlyList<Source> Select(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return Sources;
        var unknown = ids.Where(id => !_byId.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown source id(s): {string.Join(", ", unknown)} ({KnownIds.Describe(unknown, _byId.Keys)})");
        return ids.Select(id => _byId[id]).ToList();
    }
}
