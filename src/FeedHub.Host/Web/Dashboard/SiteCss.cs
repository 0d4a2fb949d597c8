namespace FeedHub.Host.Web.Dashboard;

/// <summary>The dashboard's one stylesheet, served from a fixed path so the CSP can forbid inline styles.</summary>
internal static class SiteCss
{
    public const string Path = "/static/site.css";

    public const string Content = """
        :root { --ok: #1b7f3b; --quiet: #8a6d00; --failing: #b3261e; --broken: #6b2fa3; --pending: #5f6368; --line: #d9dde3; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f7f9; }
        header nav { display: flex; gap: 1rem; padding: .6rem 1rem; background: #1f3b5a; }
        header nav a { color: #fff; text-decoration: none; }
        header nav a.brand { font-weight: 700; margin-right: auto; }
        main { padding: 1rem; max-width: 100rem; margin: 0 auto; }
        h1 { font-size: 1.4rem; margin: .2rem 0 .6rem; }
        h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
        a { color: #0b57d0; }
        .muted { color: #5f6368; font-size: .9em; }
        .summary .count { margin-right: .8rem; white-space: nowrap; }
        .badge { display: inline-block; padding: .05rem .5rem; border-radius: .7rem; color: #fff; font-size: .85em; font-weight: 600; white-space: nowrap; }
        .badge.ok { background: var(--ok); }
        .badge.quiet { background: var(--quiet); }
        .badge.failing { background: var(--failing); }
        .badge.broken { background: var(--broken); }
        .badge.pending { background: var(--pending); }
        .reason { display: block; font-size: .82em; color: #5f6368; }
        .error { display: block; font-size: .82em; color: var(--failing); overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th a { color: inherit; }
        tr.region th { background: #e8edf3; text-transform: capitalize; }
        td.num, span.num { font-variant-numeric: tabular-nums; }
        td.url { overflow-wrap: anywhere; }
        .newest-item a { display: block; }
        .details { font-size: .82em; }
        .feed { margin-right: .3rem; }
        svg.spark rect.some { fill: #1f3b5a; }
        svg.spark rect.none { fill: #c4cad3; }
        dl.config { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.config dd { margin: 0; overflow-wrap: anywhere; }
        ol.items li { margin-bottom: .4rem; }
        form[role=search] { display: flex; gap: .4rem; margin-bottom: 1rem; }
        form[role=search] input { flex: 1; padding: .4rem; font: inherit; }
        @media (max-width: 700px) {
          table.sources thead, table.log thead { display: none; }
          table.sources, table.sources tbody, table.sources tr, table.sources td,
          table.log, table.log tbody, table.log tr, table.log td { display: block; width: 100%; }
          table.sources tr, table.log tr { border: 1px solid var(--line); border-radius: .4rem; margin-bottom: .6rem; padding: .3rem; background: #fff; }
          table.sources tr.region { border: 0; background: none; }
          table.sources td, table.log td { border: 0; padding: .15rem .3rem; }
          table.sources td::before, table.log td::before { content: attr(data-label); display: inline-block; min-width: 7rem; font-weight: 600; color: #5f6368; }
        }
        """;
}
