namespace FeedHub.Sources;

/// <summary>One problem in feeds.json, located by its JSON path (e.g. <c>$.sources[3].url</c>).</summary>
public sealed record ConfigError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>feeds.json could not be used; carries every problem found, not just the first.</summary>
public sealed class ConfigException(string file, IReadOnlyList<ConfigError> errors)
    : Exception($"{file}: {errors.Count} configuration error(s):" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public string File { get; } = file;
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
