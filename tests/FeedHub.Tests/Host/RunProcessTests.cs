using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FeedHub.Fixtures;
using Microsoft.Data.Sqlite;

namespace FeedHub.Tests.Host;

/// <summary>`feedhub run` as an operator runs it: a separate process, stopped with SIGTERM.</summary>
public sealed class RunProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan CrawlDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "feedhub-run-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder output = new();
    private FixtureFarm farm = null!;

    private string DatabasePath => Path.Combine(directory, "data", "feedhub.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 4, ArticlesPerSite = 6, Now = TimeProvider.System.GetUtcNow() });
        await File.WriteAllTextAsync(Path.Combine(directory, "feeds.json"), farm.FeedsJson(TimeSpan.FromMinutes(1)));
    }

    public async Task DisposeAsync()
    {
        await farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Run_crawls_on_schedule_and_exits_cleanly_on_sigterm_mid_crawl_with_the_database_intact()
    {
        // One site stalls mid-response, so a crawl is in flight when the signal comes.
        var stalled = farm.Sites[0];
        stalled.Mode = SiteMode.Hang;
        using var worker = StartWorker();
        try
        {
            await WaitForAsync(worker, () => TryCountItems() > 0 && farm.Log.For(stalled.Id).Any(r => r.End is null && r.PathAndQuery != "/robots.txt"));

            Signal(worker, "TERM");
            using var deadline = new CancellationTokenSource(ExitDeadline);
            await worker.WaitForExitAsync(deadline.Token);
        }
        catch
        {
            if (!worker.HasExited) worker.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"feedhub run misbehaved; its output:\n{Output()}");
        }

        Assert.True(worker.ExitCode == 0, $"exit code {worker.ExitCode}; output:\n{Output()}");
        Assert.Equal("ok", Scalar("PRAGMA integrity_check;"));
        Assert.True(Convert.ToInt64(Scalar("SELECT count(*) FROM items;")) > 0);
        // The abandoned crawl committed nothing: no items, no recorded attempt.
        Assert.Equal(0L, Convert.ToInt64(Scalar($"SELECT count(*) FROM items WHERE source_id = '{stalled.Id}';")));
        Assert.Equal(0L, Convert.ToInt64(Scalar($"SELECT count(*) FROM sources_state WHERE source_id = '{stalled.Id}' AND last_attempt IS NOT NULL;")));
    }

    private Process StartWorker()
    {
        var feedhub = Path.Combine(AppContext.BaseDirectory, "feedhub.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { feedhub, "run", "--config", "feeds.json", "--db", "data/feedhub.db", "--urls", $"http://127.0.0.1:{FreePort()}" })
            start.ArgumentList.Add(arg);
        start.Environment["FEEDHUB__Fetch__MinHostGap"] = "00:00:00.050";
        start.Environment["FEEDHUB__Schedule__StartWindow"] = "00:00:02";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, within a bounded deadline.</summary>
    private static async Task WaitForAsync(Process worker, Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < CrawlDeadline)
        {
            if (worker.HasExited) throw new InvalidOperationException($"feedhub run exited early with {worker.ExitCode}");
            if (condition()) return;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException($"the worker did not get there within {CrawlDeadline.TotalSeconds} s");
    }

    /// <summary>Items stored so far, read without disturbing the worker; 0 before the database exists.</summary>
    private long TryCountItems()
    {
        if (!File.Exists(DatabasePath)) return 0;
        try
        {
            return Convert.ToInt64(Scalar("SELECT count(*) FROM items;", SqliteOpenMode.ReadOnly));
        }
        catch (SqliteException)
        {
            return 0; // not migrated yet, or busy
        }
    }

    private object Scalar(string sql, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {process.Id}");
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private string Output()
    {
        lock (output) return output.ToString();
    }
}
