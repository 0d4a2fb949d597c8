using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedHub.Tests.Web.Dashboard;

/// <summary>
/// Debian's headless chromium driven over the DevTools protocol: one page, navigate, evaluate,
/// screenshot. Throws (never skips) when chromium is missing: CI installs it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private Chromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing; install Debian's chromium (.ci/run does).");
        var profile = Path.Combine(Path.GetTempPath(), "feedhub-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new Chromium(process, profile);
        try
        {
            await browser.ConnectAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync()
    {
        // Chromium writes its port to DevToolsActivePort in the profile once it listens.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        using var deadline = new CancellationTokenSource(Patience);
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            if (process.HasExited) throw new InvalidOperationException($"chromium exited with code {process.ExitCode} before listening");
            await Task.Delay(50, deadline.Token);
        }
        var port = (await File.ReadAllLinesAsync(portFile, deadline.Token))[0].Trim();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var targets = await http.GetFromJsonAsync<JsonArray>("json/list", deadline.Token);
        var page = targets!.First(t => t!["type"]!.GetValue<string>() == "page")!;
        await socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), deadline.Token);
    }

    /// <summary>Emulates a screen of this size (a phone when <paramref name="mobile"/>); headless windows have a minimum width.</summary>
    public Task SetViewportAsync(int width, int height, bool mobile) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    /// <summary>Loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(Uri url)
    {
        await SendAsync("Page.enable");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        await ReceiveAsync(message => message["method"]?.GetValue<string>() == "Page.loadEventFired");
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"evaluating {expression}: {error.ToJsonString()}");
        return result["result"]!["value"];
    }

    /// <summary>A PNG of the whole page, or of the viewport only.</summary>
    public async Task<byte[]> ScreenshotAsync(bool fullPage)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = fullPage });
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using var deadline = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, deadline.Token);
        var reply = await ReceiveAsync(m => m["id"]?.GetValue<int>() == id);
        if (reply["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return reply["result"]!;
    }

    private async Task<JsonNode> ReceiveAsync(Func<JsonNode, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult part;
            do
            {
                part = await socket.ReceiveAsync(buffer, deadline.Token);
                message.Write(buffer, 0, part.Count);
            } while (!part.EndOfMessage);
            var node = JsonNode.Parse(message.ToArray())!;
            if (wanted(node)) return node;
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helper processes may still hold a file for a moment; the temp folder is reclaimed later.
        }
    }
}
