namespace FeedHub.Storage;

/// <summary>
/// The schema, one script per version. Version N is <c>Steps[N - 1]</c>; the applied version is kept in
/// <c>PRAGMA user_version</c>. Never edit a shipped step: add a new one.
/// </summary>
internal static class Migrations
{
    /// <summary>Marks the file as FeedHub's ("FdHb"), so a foreign SQLite file is never migrated.</summary>
    public const int ApplicationId = 0x46644862;

    public static int Latest => Steps.Count;

    public static readonly IReadOnlyList<string> Steps = [V1, V2];

    private const string V1 = """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('change_stamp', 0);

        CREATE TABLE sources_state (
            source_id            TEXT PRIMARY KEY,
            last_attempt         TEXT,
            last_success         TEXT,
            last_error           TEXT,
            last_failure_kind    TEXT NOT NULL DEFAULT 'None',
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            failing_since        TEXT,
            next_due             TEXT,
            backfill_position    TEXT
        );

        -- item_key is the stable integer key the FTS rows hang on (an implicit rowid may change on VACUUM).
        CREATE TABLE items (
            item_key         INTEGER PRIMARY KEY,
            id               TEXT NOT NULL UNIQUE,
            source_id        TEXT NOT NULL,
            slug             TEXT NOT NULL,
            link             TEXT NOT NULL,
            title            TEXT NOT NULL,
            content_html     TEXT NOT NULL,
            summary          TEXT NOT NULL,
            image_url        TEXT,
            category         TEXT COLLATE NOCASE,
            author           TEXT,
            tags             TEXT NOT NULL DEFAULT '[]',
            published        TEXT NOT NULL,
            published_utc    INTEGER NOT NULL,
            date_source      TEXT NOT NULL,
            updated          TEXT,
            updated_utc      INTEGER,
            first_seen       TEXT NOT NULL,
            content_hash     TEXT NOT NULL,
            version          INTEGER NOT NULL DEFAULT 1,
            list_fingerprint TEXT,
            changed_utc      INTEGER NOT NULL,
            UNIQUE (source_id, slug)
        );
        CREATE INDEX items_newest ON items (published_utc DESC, id DESC);
        CREATE INDEX items_by_source ON items (source_id, published_utc DESC);

        CREATE VIRTUAL TABLE items_fts USING fts5 (
            title, body, tokenize = 'unicode61 remove_diacritics 2'
        );
        -- Inserts and updates write items_fts explicitly (the body is the content without tags);
        -- deletes need no text, so a trigger keeps pruning in sync.
        CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            DELETE FROM items_fts WHERE rowid = old.item_key;
        END;

        CREATE TABLE validators (
            url           TEXT PRIMARY KEY,
            etag          TEXT,
            last_modified TEXT
        );

        CREATE TABLE fetch_log (
            id          INTEGER PRIMARY KEY,
            source_id   TEXT NOT NULL,
            url         TEXT NOT NULL,
            started_at  TEXT NOT NULL,
            started_utc INTEGER NOT NULL,
            status      INTEGER NOT NULL,
            outcome     TEXT NOT NULL,
            bytes       INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            error       TEXT
        );
        CREATE INDEX fetch_log_by_source ON fetch_log (source_id, started_utc DESC);
        """;

    // Every feed render asks for the newest change among its items (max(changed_utc)); without an
    // index that scanned the whole table, so render time grew with history (benchmarks, docs/benchmarks.md).
    private const string V2 = """
        CREATE INDEX items_changed ON items (changed_utc);
        """;
}
