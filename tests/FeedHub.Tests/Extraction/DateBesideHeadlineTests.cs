using System.Globalization;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Tests.Extraction;

/// <summary>
/// A date printed right under or above the headline, as templates do in every shape: bare, with a time
/// after a bar, labelled ("Diposting:", "Posted on"), or sharing its line with a view counter or a byline.
/// A day shown without a time is noon WIB of that day.
/// </summary>
public sealed class DateBesideHeadlineTests
{
    private static readonly DateParseContext SeenOn5December = new(
        DateTimeOffset.Parse("2026-12-05T23:30:00+07:00", CultureInfo.InvariantCulture), TimeZones.Wib);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static ResolvedDate Resolve(string lineUnderHeadline, string headline = """<h2 class="judul">Evaluasi Tahapan Pencalonan</h2>""")
    {
        var html = $"""
            <html><head><meta charset="utf-8"><title>KPU Kabupaten Contoh :: Evaluasi Tahapan Pencalonan</title>
            <meta property="og:title" content="Evaluasi Tahapan Pencalonan"></head><body>
            <div class="container"><div class="row"><div class="col-md-8">
            {headline}
            {lineUnderHeadline}
            <img src="/img/505.jpg">
            <p>KPU Kabupaten Contoh melaksanakan evaluasi tahapan pencalonan bersama Bawaslu dan partai politik.</p>
            <p>Kegiatan ini merupakan bagian dari tahapan pemilihan yang diselenggarakan secara serentak.</p>
            </div><div class="col-md-4"><h3>Berita Populer</h3></div></div></div></body></html>
            """;
        var article = ArticleExtractor.Extract(html, KpuPages.Article("/index.php/blog/read/505_evaluasi-tahapan-pencalonan"), KpuPages.Source());
        return PublishedDateResolver.Resolve(article.Dates, SeenOn5December);
    }

    [Theory]
    [InlineData("""<span class="date">Senin, 30 November 2026 | 14:20</span>""", "2026-11-30T14:20:00+07:00")]
    [InlineData("""<small>Senin, 30 November 2026 · Dilihat 12 kali</small>""", "2026-11-30T12:00:00+07:00")]
    [InlineData("""<p><small>Senin, 30 November 2026 · Dilihat 123 kali</small></p>""", "2026-11-30T12:00:00+07:00")]
    [InlineData("""<div class="entry-meta"><span>Diposting: Senin, 30 November 2026 09:30 WIB</span> <span>Dilihat 321 kali</span></div>""", "2026-11-30T09:30:00+07:00")]
    [InlineData("""<div class="post-meta">Posted on November 30, 2026 by admin</div>""", "2026-11-30T12:00:00+07:00")]
    [InlineData("""<div>30 Nov 2026 | 0 Comments | By kpukabcontoh</div>""", "2026-11-30T12:00:00+07:00")]
    [InlineData("""<p class="text-muted">Dipublikasikan pada 30/11/2026 pukul 14.20 WIB</p>""", "2026-11-30T14:20:00+07:00")]
    [InlineData("""<div class="info">Tanggal: 30-11-2026</div>""", "2026-11-30T12:00:00+07:00")]
    [InlineData("""<p class="tgl">Senin, 30.11.2026 14:20</p>""", "2026-11-30T14:20:00+07:00")]
    [InlineData("""<span>2026-11-30 14:20:00</span>""", "2026-11-30T14:20:00+07:00")]
    [InlineData("""<div class="meta">Dibuat: 30 November 2026, pukul 09.30 WIB</div>""", "2026-11-30T09:30:00+07:00")]
    [InlineData("""<p>Oleh: Humas | Senin, 30/11/2026 | 14:20 WIB</p>""", "2026-11-30T14:20:00+07:00")]
    [InlineData("""<ul class="meta"><li><i class="fa fa-calendar"></i> 30/11/2026</li><li><i class="fa fa-user"></i> Admin</li><li>45</li></ul>""", "2026-11-30T12:00:00+07:00")]
    [InlineData("""<div class="post-date"><span class="day">30</span><span class="month">Nov</span><span class="year">2026</span></div>""", "2026-11-30T12:00:00+07:00")]
    public void A_date_line_beside_the_headline_dates_the_article(string line, string expected)
    {
        var resolved = Resolve(line);

        Assert.Equal(At(expected), resolved.Published);
        Assert.False(resolved.Source.IsEstimated(), $"dated from {resolved.Source}");
    }

    [Fact]
    public void A_headline_in_a_plain_element_still_anchors_the_date_under_it()
    {
        var resolved = Resolve("""<p class="date">Senin, 30 November 2026</p>""", headline: """<div class="title">Evaluasi Tahapan Pencalonan</div>""");

        Assert.Equal((At("2026-11-30T12:00:00+07:00"), DateSource.PageElement), (resolved.Published, resolved.Source));
    }
}
