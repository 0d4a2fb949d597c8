namespace FeedHub.Tests.Extraction;

/// <summary>
/// Finds the shared reference folder: FEEDHUB_SHARED when set, else <c>shared/</c> beside the
/// repository (CI clones it there; worktrees one level deeper find it further up). Absence fails
/// the test with a clear message instead of passing silently.
/// </summary>
internal static class SharedReference
{
    public static string Conformance(string suite)
    {
        var shared = Environment.GetEnvironmentVariable("FEEDHUB_SHARED");
        if (string.IsNullOrWhiteSpace(shared))
        {
            var repo = new DirectoryInfo(AppContext.BaseDirectory);
            while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "FeedHub.sln"))) repo = repo.Parent;
            Assert.True(repo is not null, $"FeedHub.sln not found above {AppContext.BaseDirectory}; set FEEDHUB_SHARED to the shared folder");
            var beside = repo!.Parent;
            while (beside is not null && !Directory.Exists(Path.Combine(beside.FullName, "shared", "conformance"))) beside = beside.Parent;
            Assert.True(beside is not null, $"no shared/conformance beside {repo.FullName}: clone shared/ next to the repository or set FEEDHUB_SHARED");
            shared = Path.Combine(beside!.FullName, "shared");
        }
        var path = Path.GetFullPath(Path.Combine(shared, "conformance", suite));
        Assert.True(Directory.Exists(path), $"conformance suite missing at {path}: set FEEDHUB_SHARED to the shared folder");
        return path;
    }
}
