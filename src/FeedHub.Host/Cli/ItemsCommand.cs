using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedHub.Host.Composition;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>`feedhub items`: stored items, newest first, as text or JSON for scripts.</summary>
public static class ItemsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var db = CommonOptions.Database();
        var sources = CommonOptions.Sources("Only items of this source id (repeatable; checked against feeds.json)");
        var json = new Option<bool>("--json") { Description = "Print a JSON array of item objects" };
        var limit = new Option<int>("--limit") { Description = "At most this many items (default 500)", DefaultValueFactory = _ => 500 };
        var command = new Command("items", "List stored items, newest first; times in WIB (UTC+07:00)") { config, db, sources, json, limit };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async () =>
        {
            using var host = AppHost.CreateCommandHost(parse.GetValue(config), parse.GetValue(db));
            var paths = host.Services.GetRequiredService<AppPaths>();
            var ids = parse.GetValue(sources) ?? [];
            // A mistyped id would list nothing, which reads as "no items": feeds.json says which ids exist.
            if (ids.Length > 0) ConfigLoader.LoadFile(paths.Config).Select(ids);
            paths.RequireDatabase(host.Services.GetRequiredService<StorageSettings>());
            await host.Services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(ct);
            var max = parse.GetValue(limit);
            if (max is < 1 or > 100_000) throw new ArgumentException($"--limit must be between 1 and 100000, got {max}");
            var items = await ReadAllAsync(host.Services.GetRequiredService<ItemStore>(),
                new ItemFilter { SourceIds = ids.Length > 0 ? ids : null }, max, ct);
            if (parse.GetValue(json)) WriteJson(items);
            else foreach (var item in items)
                Console.WriteLine($"{WibText.Text(item.Published)}  {item.Id}  {item.Title}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Pages through the store with its keyset cursor, so any limit works with bounded queries.</summary>
    public static async Task<List<Item>> ReadAllAsync(ItemStore store, ItemFilter filter, int max, CancellationToken ct)
    {
        var all = new List<Item>();
        while (all.Count < max)
        {
            var want = Math.Min(500, max - all.Count);
            var page = await store.QueryAsync(filter with { Limit = want }, ct);
            all.AddRange(page);
            if (page.Count < want) break;
            filter = filter with { Before = new ItemCursor(page[^1].Published, page[^1].Id) };
        }
        return all;
    }

    private static void WriteJson(IEnumerable<Item> items)
    {
        var rows = items.Select(i => new
        {
            id = i.Id,
            source = i.SourceId,
            link = i.Link,
            title = i.Title,
            published = WibText.Iso(i.Published),
            updated = WibText.Iso(i.Updated),
            dateSource = i.DateSource.ToString(),
            firstSeen = WibText.Iso(i.FirstSeen),
            category = i.Category,
            author = i.Author,
            image = i.ImageUrl,
            summary = i.Summary,
            version = i.Version,
        });
        Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
