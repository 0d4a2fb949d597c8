namespace FeedHub.Tests.Extraction;

/// <summary>
/// Finds a third-party conformance suite under <c>tests/conformance/</c> of this repository, so a bare
/// clone carries everything its tests read. Absence fails the test with a clear message.
/// </summary>
internal static class ConformanceCorpus
{
    public static string Suite(string suite)
    {
        var path = Path.Combine(RepoRoot.Path, "tests", "conformance", suite);
        Assert.True(Directory.Exists(path), $"conformance suite missing at {path}");
        return path;
    }
}
