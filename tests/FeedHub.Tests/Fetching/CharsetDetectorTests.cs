using System.Text;
using FeedHub.Fetching;

namespace FeedHub.Tests.Fetching;

public sealed class CharsetDetectorTests
{
    private const string Title = "Rapat Pleno Terbuka – Rekapitulasi “Suara”";

    private static byte[] Windows1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(text);
    }

    [Fact]
    public void Decodes_utf8_without_any_declaration() =>
        Assert.Equal("<p>Pemilihan Umum 2024 – Jawa Tengah</p>",
            CharsetDetector.Decode(Encoding.UTF8.GetBytes("<p>Pemilihan Umum 2024 – Jawa Tengah</p>"), "text/html"));

    [Fact]
    public void Uses_the_content_type_charset() =>
        Assert.Equal(Title, CharsetDetector.Decode(Windows1252(Title), "text/html; charset=windows-1252"));

    [Fact]
    public void Reads_iso_8859_1_as_windows_1252() =>
        Assert.Equal(Title, CharsetDetector.Decode(Windows1252(Title), "text/html; charset=ISO-8859-1"));

    [Theory]
    [InlineData("text/html; charset=windows-1252", "")]
    [InlineData("text/html; charset=ISO-8859-1", "")]
    [InlineData("text/html", "<meta charset=\"windows-1252\">")]
    public void Valid_utf8_beyond_ascii_wins_over_a_declared_single_byte_charset(string contentType, string meta)
    {
        var html = $"<html><head>{meta}<title>{Title}</title></head></html>";

        Assert.Contains($"<title>{Title}</title>", CharsetDetector.Decode(Encoding.UTF8.GetBytes(html), contentType));
    }

    [Fact]
    public void Byte_order_mark_beats_the_content_type()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Title)).ToArray();
        Assert.Equal(Title, CharsetDetector.Decode(body, "text/html; charset=windows-1252"));
    }

    [Fact]
    public void Decodes_utf16_with_its_byte_order_mark()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Title)).ToArray();
        Assert.Equal(Title, CharsetDetector.Decode(body, null));
    }

    [Fact]
    public void Uses_meta_charset_when_the_header_has_none()
    {
        var html = $"<html><head><meta charset=\"windows-1252\"><title>{Title}</title></head></html>";
        Assert.Contains(Title, CharsetDetector.Decode(Windows1252(html), "text/html"));
    }

    [Fact]
    public void Uses_meta_http_equiv_content_charset()
    {
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>{Title}</title></head></html>";
        Assert.Contains(Title, CharsetDetector.Decode(Windows1252(html), null));
    }

    [Fact]
    public void Header_charset_beats_meta_charset()
    {
        var html = $"<meta charset=\"windows-1252\"><h1>{Title}</h1>";
        Assert.Contains(Title, CharsetDetector.Decode(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8"));
    }

    [Fact]
    public void Ignores_meta_charset_beyond_the_first_1024_bytes()
    {
        var html = $"<html><head>{new string(' ', 1100)}<meta charset=\"windows-1252\"></head><body>{Title}</body></html>";
        Assert.Contains(Title, CharsetDetector.Decode(Encoding.UTF8.GetBytes(html), "text/html"));
    }

    [Fact]
    public void Uses_the_xml_declaration_of_a_feed()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>{Title}</title></channel></rss>";
        Assert.Contains(Title, CharsetDetector.Decode(Windows1252(xml), "application/rss+xml"));
    }

    [Fact]
    public void Unknown_header_charset_falls_through_to_utf8() =>
        Assert.Equal(Title, CharsetDetector.Decode(Encoding.UTF8.GetBytes(Title), "text/html; charset=x-unknown-kpu"));

    [Fact]
    public void Invalid_utf8_bytes_become_replacement_characters()
    {
        byte[] body = [.. "Berita "u8, 0xC3, 0x28, .. " KPU"u8, 0xFF];
        Assert.Equal("Berita \uFFFD( KPU\uFFFD", CharsetDetector.Decode(body, "text/html; charset=utf-8"));
    }
}
