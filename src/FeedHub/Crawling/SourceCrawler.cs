using System.Text.RegularExpressions;
using FeedHub.Extraction;
using FeedHub.Fetching;
using FeedHub.Monitoring;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.Logging;

namespace FeedHub.Crawling;

/// <summary>
/// Walks one source down the pipeline: list pages → article pages → normalised items → one
/// transaction. Known articles whose list entry is unchanged are not refetched, so a warm cycle
/// costs one request per list page.
/// </summary>
public sealed class SourceCrawler(
    IFetcher fetcher,
    ItemStore items,
    SourceStateStore states,
    TimeProvider clock,
    ILogger<SourceCrawler> log,
    CrawlMetrics? metrics = null)
{
    public async Task<CrawlReport> CrawlAsync(Source source, CrawlOptions options, CancellationToken ct)
    {
        var run = new CrawlRun(source, options, clock.GetUtcNow());
        try
        {
            if (source.Kind == SourceKind.Feed) await CrawlFeedAsync(run, ct);
            else await CrawlSiteAsync(run, ct);
        }
        catch (CrawlFailure failure)
        {
            run.Fail(failure.Kind, failure.Message, failure.RetryAfter);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A parser bug met on a hostile page: recorded like any failure (state, fetch log, metrics),
            // with the fetches and articles already gathered kept, so the operator sees it and nothing is lost.
            log.LogError(e, "{Source}: crawl failed unexpectedly", source.Id);
            run.Fail(FailureKind.Extraction, $"{source.Url}: {Unexpected(e)}", null);
        }
        var report = await FinishAsync(run, ct);
        if (!options.DryRun) metrics?.Crawled(report);
        return report;
    }

    private async Task CrawlSiteAsync(CrawlRun run, CancellationToken ct)
    {
        run.EstimateUndated = await EstimatesUndatedAsync(run, ct);
        foreach (var category in run.Source.Categories)
        {
            if (run.CapReached) break;
            run.ListStart = run.Writes.Count;
            // Neighbours are neighbours on one list: the last story of the previous category says nothing of this one's first.
            run.LastListed = null;
            run.AboveWrites = null;
            for (var page = run.Options.FirstPage; page < run.Options.FirstPage + run.Options.MaxPages; page++)
            {
                var url = run.Source.ListPage(category, page);
                var fetched = await FetchAsync(run, url, ct);
                if (!fetched.IsSuccess)
                {
                    if (page == run.Options.FirstPage) throw CrawlFailure.From(fetched);
                    run.ArticleErrors.Add(new ArticleError(url.AbsoluteUri, fetched.Error ?? fetched.Outcome.ToString()));
                    break;
                }
                if (fetched.Outcome == FetchOutcome.NotModified) break;

                ListPageExtractor.ListPageContent list;
                try
                {
                    list = ListPageExtractor.Read(fetched.Body!, fetched.FinalUrl, run.Source, requireLinks: page == run.Options.FirstPage);
                }
                catch (ExtractionException e)
                {
                    throw new CrawlFailure(FailureKind.Extraction, e.Message);
                }
                catch (RegexMatchTimeoutException e)
                {
                    if (page == run.Options.FirstPage) throw new CrawlFailure(FailureKind.Extraction, $"{url}: {Profile.TimedOut(e)}");
                    PatternTimedOut(run, url, e);
                    break;
                }
                if (list.Entries.Count == 0) break;
                run.DeepestPage[category] = page;
                var goDeeper = await ReadEntriesAsync(run, Capped(run, list.Entries, url), list.CategoryName ?? CategoryNames.Of(category), ct);
                if (run.CapReached || (!goDeeper && !run.Options.Backfill)) break;
            }
            if (run.EstimateUndated) DateByListOrder(run);
        }
        if (run.CapReached)
            log.LogWarning("{Source}: stopped at {Max} article pages this run (Crawl:MaxArticlesPerRun); the entries left are read by the next runs",
                run.Source.Id, run.Options.MaxArticlesPerRun);
        if (run.ArticlesTried > 0 && run.ArticlesRead == 0)
        {
            var first = run.ArticleErrors.First();
            throw new CrawlFailure(run.ArticleFetchFailed ? FailureKind.Fetch : FailureKind.Extraction,
                $"none of {run.ArticlesTried} article page(s) could be read (first: {first.Url}: {first.Error})");
        }
    }

    /// <summary>The first <see cref="CrawlOptions.MaxEntriesPerListPage"/> entries of a list page, in page order.</summary>
    private IReadOnlyList<ListEntry> Capped(CrawlRun run, IReadOnlyList<ListEntry> entries, Uri url)
    {
        if (entries.Count <= run.Options.MaxEntriesPerListPage) return entries;
        log.LogWarning("{Source}: {Url} lists {Count} entries; only the first {Max} are read (Crawl:MaxEntriesPerListPage)",
            run.Source.Id, url, entries.Count, run.Options.MaxEntriesPerListPage);
        return entries.Take(run.Options.MaxEntriesPerListPage).ToList();
    }

    /// <returns>
    /// True when older pages may hold more new articles: the page showed articles not yet seen in this
    /// run, and none of them is stored; or it showed stored items under moved links (a redesign), so
    /// older pages hold more links to move. Entries repeated from earlier pages (a sidebar of recent
    /// posts, a site that ignores <c>?page=</c>) decide nothing.
    /// </returns>
    private async Task<bool> ReadEntriesAsync(CrawlRun run, IReadOnlyList<ListEntry> entries, string listCategory, CancellationToken ct)
    {
        var keyed = new List<(ListEntry Entry, ItemKey Key, Uri Canonical)>();
        foreach (var entry in entries)
        {
            var canonical = CanonicalUrl.Of(entry.Url, run.Source.Url);
            ItemKey? key;
            try
            {
                key = ItemIdentity.FromArticleUrl(canonical, run.Source.Profile.ArticlePatterns);
            }
            catch (RegexMatchTimeoutException e)
            {
                // The pattern would time out on the page's other links too: the rest of the page waits for a fixed pattern.
                PatternTimedOut(run, entry.Url, e);
                break;
            }
            if (key is not null && run.SeenSlugs.Add(key.Slug))
                keyed.Add((entry, key, canonical));
        }
        var known = await items.GetKnownAsync(run.Source.Id, keyed.Select(k => k.Key), ct);
        var allUnknown = keyed.Count > 0;
        var anyMoved = false;
        foreach (var (entry, key, canonical) in keyed)
        {
            var knownItem = known.GetValueOrDefault(key.Slug);
            var fingerprint = ListFingerprint.Of(entry);
            if (knownItem is not null)
            {
                allUnknown = false;
                if (knownItem.DateSource is not (DateSource.FirstSeen or DateSource.ListOrder)) run.LastListed = knownItem.Published;
                var moved = LinkMoved(run.Source, knownItem, canonical, key);
                anyMoved |= moved;
                if (knownItem.ListFingerprint == fingerprint && !moved)
                {
                    run.SkippedUnchanged++;
                    continue;
                }
            }
            if (run.ArticlesTried >= run.Options.MaxArticlesPerRun)
            {
                run.CapReached = true;
                break;
            }
            await ReadArticleAsync(run, entry, key, knownItem, fingerprint, listCategory, ct);
            if (run.Writes.Count >= run.Options.CommitEvery) await CommitBatchAsync(run, ct);
        }
        return allUnknown || anyMoved;
    }

    /// <summary>
    /// The list links a stored item under a new URL (a redesign moved <c>/blog/read/8313_x</c> to
    /// <c>/berita/baca/8313/x</c>): its page is read again so the link moves. A link without the CMS id
    /// never replaces one with it, so an old slug-only link elsewhere does not undo the move.
    /// </summary>
    private static bool LinkMoved(Source source, KnownItem known, Uri canonical, ItemKey key) =>
        !string.Equals(known.Link, canonical.AbsoluteUri, StringComparison.Ordinal)
        && (key.NumericId is not null
            || !Uri.TryCreate(known.Link, UriKind.Absolute, out var stored)
            || ItemIdentity.FromArticleUrl(stored, source.Profile.ArticlePatterns)?.NumericId is null);

    private async Task ReadArticleAsync(
        CrawlRun run, ListEntry entry, ItemKey key, KnownItem? known, string fingerprint, string listCategory, CancellationToken ct)
    {
        run.ArticlesTried++;
        var fetched = await FetchAsync(run, entry.Url, ct, useValidators: known is not null);
        if (!fetched.IsSuccess)
        {
            run.ArticleFetchFailed = true;
            run.ArticleErrors.Add(new ArticleError(entry.Url.AbsoluteUri, fetched.Error ?? fetched.Outcome.ToString()));
            return;
        }
        if (fetched.Outcome == FetchOutcome.NotModified)
        {
            // The page is as we stored it; only the list entry around it changed.
            run.ArticlesRead++;
            run.Fingerprints[known!.Id] = fingerprint;
            run.SkippedUnchanged++;
            return;
        }
        NormalisedItem normalised;
        try
        {
            var article = ArticleExtractor.Extract(fetched.Body!, fetched.FinalUrl, run.Source);
            var itemId = known?.Id ?? key.IdIn(run.Source.Id);
            normalised = ItemNormaliser.Normalise(article with { Url = CanonicalUrl.Of(article.Url, run.Source.Url), ListCategory = listCategory },
                run.Source, itemId, run.StartedAt, known, run.LastListed, run.Options.MaxContentBytes);
        }
        catch (ExtractionException e)
        {
            run.ArticleErrors.Add(new ArticleError(entry.Url.AbsoluteUri, e.Message));
            return;
        }
        catch (RegexMatchTimeoutException e)
        {
            PatternTimedOut(run, entry.Url, e);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One hostile page costs only its own article.
            log.LogError(e, "{Source}: article {Url} failed unexpectedly", run.Source.Id, entry.Url);
            run.ArticleErrors.Add(new ArticleError(entry.Url.AbsoluteUri, Unexpected(e)));
            return;
        }
        run.ArticlesRead++;
        if (run.Writes.Count == run.ListStart) run.AboveWrites = run.LastListed;
        if (normalised.Item.DateSource != DateSource.FirstSeen) run.LastListed = normalised.Item.Published;
        Keep(run, normalised, known?.Slug ?? key.Slug, fingerprint, known);
    }

    /// <summary>
    /// Undated items are placed by list (or feed) order only where the list is read from its start for the
    /// first time or in backfill; one that appears on a later crawl is new, and first-seen is its best date.
    /// </summary>
    private async Task<bool> EstimatesUndatedAsync(CrawlRun run, CancellationToken ct) =>
        run.Options.Backfill || (await states.GetAsync(run.Source.Id, ct))?.LastSuccess is null;

    /// <summary>
    /// Stores what the run has gathered so far, leaving the source's state to the run's end: a crash, the
    /// article cap or a later failure then loses nothing already fetched. Undated items of the list being
    /// read are placed by the part of it read so far.
    /// </summary>
    private async Task CommitBatchAsync(CrawlRun run, CancellationToken ct)
    {
        if (run.Options.DryRun) return;
        if (run.EstimateUndated) DateByListOrder(run);
        try
        {
            run.Committed.Add(await items.CommitAsync(new SourceRun
            {
                SourceId = run.Source.Id, Items = [.. run.Writes], State = null, Fetches = [.. run.Fetches],
                Validators = new Dictionary<string, Validators>(run.Validators), Fingerprints = new Dictionary<string, string>(run.Fingerprints),
            }, ct));
        }
        catch (StorageException e)
        {
            // Kept in the run: its end tries to store them once more, with the failure.
            throw new CrawlFailure(FailureKind.Storage, $"{run.Source.Url}: a batch of the run could not be stored; retried at the next run. {e.Message}");
        }
        run.Writes.Clear();
        run.Fetches.Clear();
        run.Validators.Clear();
        run.Fingerprints.Clear();
        run.ListStart = 0;
    }

    private async Task CrawlFeedAsync(CrawlRun run, CancellationToken ct)
    {
        var fetched = await FetchAsync(run, run.Source.Url, ct);
        if (!fetched.IsSuccess) throw CrawlFailure.From(fetched);
        if (fetched.Outcome == FetchOutcome.NotModified) return;
        ParsedFeed feed;
        try
        {
            feed = FeedDocumentParser.Parse(fetched.Body!, fetched.FinalUrl);
        }
        catch (FeedFormatException e)
        {
            throw new CrawlFailure(FailureKind.Extraction, e.Message);
        }
        var keyed = feed.Entries.Select(e => (Entry: e, Key: ItemIdentity.FromFeedEntry(e.ExternalId, e.Url, e.Title, e.Dates.FirstOrDefault()?.Text))).ToList();
        var known = await items.GetKnownAsync(run.Source.Id, keyed.Select(k => k.Key), ct);
        foreach (var (entry, key) in keyed)
        {
            if (!run.SeenSlugs.Add(key.Slug)) continue;
            var knownItem = known.GetValueOrDefault(key.Slug);
            var itemId = knownItem?.Id ?? key.IdIn(run.Source.Id);
            NormalisedItem normalised;
            try
            {
                normalised = ItemNormaliser.Normalise(entry, run.Source, itemId, run.StartedAt, knownItem, maxContentBytes: run.Options.MaxContentBytes);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Source}: feed entry {Url} failed unexpectedly", run.Source.Id, entry.Url);
                run.ArticleErrors.Add(new ArticleError(entry.Url.AbsoluteUri, Unexpected(e)));
                continue;
            }
            Keep(run, normalised, key.Slug, null, knownItem);
        }
        if (await EstimatesUndatedAsync(run, ct)) DateByListOrder(run);
    }

    private void PatternTimedOut(CrawlRun run, Uri url, RegexMatchTimeoutException e)
    {
        log.LogWarning("{Source}: {Url}: {Error}", run.Source.Id, url, Profile.TimedOut(e));
        run.ArticleErrors.Add(new ArticleError(url.AbsoluteUri, Profile.TimedOut(e)));
    }

    private static string Unexpected(Exception e) => $"failed unexpectedly ({e.GetType().Name}: {e.Message})";

    /// <summary>Re-dates this run's new, undated items written since the current category's list (or the feed) began, in its order.</summary>
    private static void DateByListOrder(CrawlRun run)
    {
        var listed = run.Writes.Skip(run.ListStart).Select(w => w.Item).ToList();
        var dated = ListOrderDates.Estimate(listed,
            item => item.DateSource == DateSource.FirstSeen && item.FirstSeen == run.StartedAt && item.Updated is null, run.StartedAt, run.AboveWrites);
        for (var i = 0; i < dated.Count; i++)
            run.Writes[run.ListStart + i] = run.Writes[run.ListStart + i] with { Item = dated[i] };
    }

    private static void Keep(CrawlRun run, NormalisedItem normalised, string slug, string? fingerprint, KnownItem? known)
    {
        if (normalised.Change == ItemChange.Unchanged)
        {
            if (fingerprint is not null) run.Fingerprints[normalised.Item.Id] = fingerprint;
            run.SkippedUnchanged++;
            return;
        }
        if (normalised.Change == ItemChange.Moved)
        {
            run.Writes.Add(new ItemWrite(normalised.Item, slug, fingerprint, SameContentAs: known!.ContentHash));
            if (run.Options.DryRun) run.SkippedUnchanged++;
            return;
        }
        run.Writes.Add(new ItemWrite(normalised.Item, slug, fingerprint));
        if (normalised.Change == ItemChange.New) run.DryNew++;
        else run.DryUpdated++;
    }

    private async Task<FetchResult> FetchAsync(CrawlRun run, Uri url, CancellationToken ct, bool useValidators = true)
    {
        Validators? validators = null;
        if (useValidators)
        {
            var stored = await states.GetValidatorsAsync([url.AbsoluteUri], ct);
            validators = stored.GetValueOrDefault(url.AbsoluteUri);
        }
        var result = await fetcher.FetchAsync(new FetchRequest(url, validators), ct);
        run.Fetches.Add(FetchLogEntry.From(run.Source.Id, result));
        run.Requests++;
        metrics?.Fetched(run.Source.Id, result);
        if (result.Outcome == FetchOutcome.Ok && !result.Validators.IsEmpty)
            run.Validators[url.AbsoluteUri] = result.Validators;
        log.LogDebug("{Source} GET {Url} → {Outcome} {Status} in {Ms} ms", run.Source.Id, url, result.Outcome, result.Status, (int)result.Duration.TotalMilliseconds);
        return result;
    }

    private async Task<CrawlReport> FinishAsync(CrawlRun run, CancellationToken ct)
    {
        var previous = await states.GetAsync(run.Source.Id, ct) ?? SourceState.New(run.Source.Id);
        var state = run.Failure is null
            ? previous with
            {
                LastAttempt = run.StartedAt, LastSuccess = run.StartedAt, LastError = null,
                LastFailureKind = FailureKind.None, ConsecutiveFailures = 0, FailingSince = null,
            }
            : Failed(previous, run);

        var result = new CommitResult(run.DryNew, run.DryUpdated, 0);
        if (!run.Options.DryRun)
        {
            try
            {
                result = await items.CommitAsync(new SourceRun
                {
                    SourceId = run.Source.Id, Items = run.Writes, State = state, Fetches = run.Fetches,
                    Validators = run.Validators, Fingerprints = run.Fingerprints,
                }, ct);
            }
            catch (StorageException e)
            {
                // The whole run was rolled back; it is a failure of this source like any other, so it counts
                // (ConsecutiveFailures, backoff, dashboard, metrics) and the next run fetches it all again.
                run.Fail(FailureKind.Storage, $"{run.Source.Url}: the run could not be stored; retried at the next run. {e.Message}", null);
                await SaveStorageFailureAsync(previous, run, ct);
            }
        }
        return new CrawlReport
        {
            SourceId = run.Source.Id,
            Outcome = run.Failure is null ? CrawlOutcome.Ok : CrawlOutcome.Failed,
            FailureKind = run.FailureKind,
            Error = run.Failure,
            New = result.New + run.Committed.Sum(c => c.New),
            Updated = result.Updated + run.Committed.Sum(c => c.Updated),
            Unchanged = result.Unchanged + run.Committed.Sum(c => c.Unchanged) + run.SkippedUnchanged,
            ArticleErrors = run.ArticleErrors,
            RetryAt = run.RetryAfter is { } wait ? run.StartedAt + wait : null,
            Requests = run.Requests,
            Duration = clock.GetUtcNow() - run.StartedAt,
            DeepestPage = run.DeepestPage,
            // A real run's items are in the store; carrying them too would hold a whole pass in memory.
            Items = run.Options.DryRun ? run.Writes.Select(w => w.Item).ToList() : [],
        };
    }

    private static SourceState Failed(SourceState previous, CrawlRun run) => previous with
    {
        LastAttempt = run.StartedAt, LastError = run.Failure, LastFailureKind = run.FailureKind,
        ConsecutiveFailures = previous.ConsecutiveFailures + 1, FailingSince = previous.FailingSince ?? run.StartedAt,
    };

    /// <summary>
    /// Counts a run whose commit failed in the source's state: a small write that a full or briefly locked
    /// database may still take. If it cannot, the database's own write failure is what health reports.
    /// </summary>
    private async Task SaveStorageFailureAsync(SourceState previous, CrawlRun run, CancellationToken ct)
    {
        try
        {
            await states.SaveAsync(Failed(previous, run), ct);
        }
        catch (StorageException e)
        {
            log.LogError(e, "{Source}: the failed run could not be recorded either", run.Source.Id);
        }
    }

    /// <summary>What one run has gathered so far.</summary>
    private sealed class CrawlRun(Source source, CrawlOptions options, DateTimeOffset startedAt)
    {
        public Source Source { get; } = source;
        public CrawlOptions Options { get; } = options;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public List<FetchLogEntry> Fetches { get; } = [];
        public Dictionary<string, Validators> Validators { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Fingerprints { get; } = new(StringComparer.Ordinal);
        public List<ItemWrite> Writes { get; } = [];
        public List<ArticleError> ArticleErrors { get; } = [];
        public HashSet<string> SeenSlugs { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, int> DeepestPage { get; } = [];
        /// <summary>What the batches stored while the run went on (<see cref="CommitBatchAsync"/>).</summary>
        public List<CommitResult> Committed { get; } = [];
        /// <summary>Undated items are placed by list order in this run (see <see cref="CrawlSiteAsync"/>).</summary>
        public bool EstimateUndated { get; set; }
        /// <summary>Index in <see cref="Writes"/> where the current category's list starts (0 again after a batch is stored).</summary>
        public int ListStart { get; set; }
        public int Requests { get; set; }
        /// <summary>The run fetched <see cref="CrawlOptions.MaxArticlesPerRun"/> article pages and read no more.</summary>
        public bool CapReached { get; set; }
        /// <summary>Published time (from a page, not first-seen) of the entry read last in list order: the next entry's newer neighbour.</summary>
        public DateTimeOffset? LastListed { get; set; }
        /// <summary>
        /// The page-stated date listed just above the current category's first write: a stored story on the page a
        /// backfill resumes from, or null at the head of the list. Bounds an undated first write's estimate.
        /// </summary>
        public DateTimeOffset? AboveWrites { get; set; }
        public int SkippedUnchanged { get; set; }
        public int DryNew { get; set; }
        public int DryUpdated { get; set; }
        public int ArticlesTried { get; set; }
        public int ArticlesRead { get; set; }
        public bool ArticleFetchFailed { get; set; }
        public string? Failure { get; private set; }
        public FailureKind FailureKind { get; private set; }
        public TimeSpan? RetryAfter { get; private set; }

        public void Fail(FailureKind kind, string reason, TimeSpan? retryAfter)
        {
            FailureKind = kind;
            Failure = reason;
            RetryAfter = retryAfter;
        }
    }

    /// <summary>Ends a run early with a reason; caught in <see cref="CrawlAsync"/>.</summary>
    private sealed class CrawlFailure(FailureKind kind, string message, TimeSpan? retryAfter = null) : Exception(message)
    {
        public FailureKind Kind { get; } = kind;
        public TimeSpan? RetryAfter { get; } = retryAfter;

        public static CrawlFailure From(FetchResult r) =>
            new(FailureKind.Fetch, r.Error ?? $"{r.RequestedUrl}: {r.Outcome}", r.RetryAfter);
    }
}
