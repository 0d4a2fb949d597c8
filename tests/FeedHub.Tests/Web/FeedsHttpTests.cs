using System.Net;
using System.Xml.Linq;

namespace FeedHub.Tests.Web;

[Collection(FeedsServerCollection.Name)]
public class FeedsHttpTests(FeedsServer server)
{
    [Fact]
    public async Task Smoke()
    {
        Assert.True(server.Items.Count > 500, $"only {server.Items.Count} items");
        var body = await server.GetBytesAsync("feeds/all.atom");
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(50, doc.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).Count());
        var cats = server.Items.GroupBy(i => i.Category).Select(g => $"{g.Key}:{g.Count()}");
        Assert.Fail(string.Join(", ", cats) + " " + server.Items.Count + " " + server.BaseAddress);
    }
}
