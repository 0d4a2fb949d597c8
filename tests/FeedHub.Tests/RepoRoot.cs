namespace FeedHub.Tests;

/// <summary>Finds the repository: the folder holding FeedHub.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FeedHub.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FeedHub.sln not found above {AppContext.BaseDirectory}");
    }
}
