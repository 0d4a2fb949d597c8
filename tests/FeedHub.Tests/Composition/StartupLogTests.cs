using System.Collections.Concurrent;
using FeedHub.Host.Composition;
using FeedHub.Tests.Web.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace FeedHub.Tests.Composition;

/// <summary>What an operator reads in the log of `run`, with the shipped appsettings.json's log levels.</summary>
public sealed class StartupLogTests(StartupLogTests.LoggedHost host) : IClassFixture<StartupLogTests.LoggedHost>
{
    [Fact]
    public void Startup_logs_one_summary_naming_config_database_url_and_sources()
    {
        var summary = Assert.Single(host.Lines, line => line.Category == StartupSummary.Category);

        Assert.Contains("feeds.json", summary.Message);
        Assert.Contains("feedhub.db", summary.Message);
        Assert.Contains(host.App.Urls.First(), summary.Message);
        Assert.Contains("3 source(s)", summary.Message);
        Assert.DoesNotContain(host.Lines, line => line.Category.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_checks_are_not_logged_per_request()
    {
        var before = host.Lines.Count;

        for (var i = 0; i < 3; i++) await host.GetAsync("/healthz");

        Assert.Equal(before, host.Lines.Count);
    }

    /// <summary>The dashboard host with every log line kept (category and message).</summary>
    public sealed class LoggedHost : DashboardHost, ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Lines { get; } = new();

        protected override void Customise(WebApplicationBuilder builder) => builder.Logging.AddProvider(this);

        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, Lines);

        void IDisposable.Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<(string, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, formatter(state, exception)));
        }
    }
}
