using FeedHub.Bench;

namespace FeedHub.Tests.Bench;

/// <summary>
/// Keeps the benchmark harness working: its <c>--quick</c> path (small sizes, one process) runs every
/// section and prints a table for each. No timing is asserted; the numbers mean nothing at this size.
/// </summary>
public sealed class BenchHarnessTests
{
    [Fact]
    public async Task Quick_run_prints_a_results_table_for_every_section()
    {
        var output = new StringWriter();

        var exit = await BenchCommand.RunAsync(["--quick"], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        var table = output.ToString();
        foreach (var section in new[] { "1. Cold crawl", "2. Warm cycle", "3. Serving", "4. Storage", "5. Extraction", "6. Load test", "7. Search burst", "8. Fat items", "9. Extraction accuracy", "10. Migrate to PostgreSQL", "11. Scale-out" })
            Assert.Contains($"### {section}\n\n| Measure | FeedHub | Floor | Ratio | Target | Met |", table);
    }

    [Theory]
    [InlineData("--only", "crawl,nonsense")]
    [InlineData("--clients", "zero")]
    [InlineData("--fast")]
    public async Task Bad_arguments_exit_with_2_and_name_the_problem(params string[] args)
    {
        var errors = new StringWriter();

        var exit = await BenchCommand.RunAsync(args, TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(args[0], errors.ToString());
    }
}
