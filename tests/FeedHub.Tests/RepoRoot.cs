namespace FeedHub.Tests;

/// <summary>Finds the repository (the folder holding FeedHub.sln) and the shared reference folder beside it.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>../shared beside the repository, or FEEDHUB_SHARED. Tests that need it fail loudly when absent.</summary>
    public static string Shared
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("FEEDHUB_SHARED") is { Length: > 0 } env
                ? env
                : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"shared reference folder not found at {dir}; set FEEDHUB_SHARED");
            return dir;
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FeedHub.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FeedHub.sln not found above {AppContext.BaseDirectory}");
    }
}
