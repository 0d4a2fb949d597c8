using FeedHub.Monitoring;
using FeedHub.Storage;

namespace FeedHub.Tests.Monitoring;

public sealed class FailureCauseTests
{
    private static SourceState Failed(FailureKind kind, string error) =>
        SourceState.New("kab-blora") with { ConsecutiveFailures = 2, LastFailureKind = kind, LastError = error };

    [Theory]
    [InlineData("GET https://kab-blora.kpu.go.id/ failed: Name or service not known (kab-blora.kpu.go.id:443)", FailureCause.NoAddress)]
    [InlineData("GET https://kab-blora.kpu.go.id/ failed: Connection refused (kab-blora.kpu.go.id:443)", FailureCause.Unreachable)]
    [InlineData("GET https://kab-blora.kpu.go.id/ timed out after 30 s", FailureCause.Timeout)]
    [InlineData("GET https://kab-blora.kpu.go.id/index.php/blog/category/104: HTTP 503 Service Unavailable", FailureCause.ServerError)]
    [InlineData("GET https://kab-blora.kpu.go.id/index.php/blog/category/104: HTTP 404 Not Found", FailureCause.NotFound)]
    [InlineData("GET https://kab-blora.kpu.go.id/index.php/blog/category/104: HTTP 429 Too Many Requests", FailureCause.Refused)]
    public void A_fetch_failure_is_read_from_its_recorded_error(string error, FailureCause expected) =>
        Assert.Equal(expected, FailureCauses.Of(Failed(FailureKind.Fetch, error)));

    [Fact]
    public void An_extraction_failure_is_a_changed_template_whatever_its_text() =>
        Assert.Equal(FailureCause.TemplateChanged, FailureCauses.Of(Failed(FailureKind.Extraction, "no article links on the list page")));

    [Fact]
    public void A_run_that_could_not_be_stored_is_a_storage_cause_not_an_unreachable_site() =>
        Assert.Equal(FailureCause.Storage, FailureCauses.Of(Failed(FailureKind.Storage,
            "https://kab-blora.kpu.go.id: the run could not be stored; retried at the next run. Storage error while committing the run of source 'kab-blora' in '/srv/feedhub.db': the disk is full.")));

    [Fact]
    public void A_source_whose_last_run_succeeded_has_no_cause() =>
        Assert.Equal(FailureCause.None, FailureCauses.Of(SourceState.New("kab-blora")));
}
