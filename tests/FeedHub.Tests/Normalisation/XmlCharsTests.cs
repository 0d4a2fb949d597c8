using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public class XmlCharsTests
{
    [Theory]
    [InlineData("Teks\u0000 sintetis", "Teks sintetis")]
    [InlineData("Teks\u0008\u000B\u000C\u001F sintetis", "Teks sintetis")]
    [InlineData("Teks\uFFFE\uFFFF sintetis", "Teks sintetis")]
    public void Removes_characters_xml_forbids(string text, string expected) =>
        Assert.Equal(expected, XmlChars.Clean(text));

    [Fact]
    public void Removes_lone_surrogates()
    {
        // Built in code: xunit's theory data would turn lone surrogates into U+FFFD before the test ran.
        Assert.Equal("Teks sintetis", XmlChars.Clean("Teks" + '\uD800' + " sintetis"));
        Assert.Equal("Teks sintetis", XmlChars.Clean("Teks" + '\uDC00' + " sintetis"));
        Assert.Equal("Teks sintetis", XmlChars.Clean("Teks sintetis" + '\uD83D'));
        Assert.Equal("Teks sintetis", XmlChars.Clean("Teks" + '\uDE00' + '\uD83D' + " sintetis"));
    }

    [Fact]
    public void Keeps_tab_line_feed_and_carriage_return() =>
        Assert.Equal("a\tb\nc\rd", XmlChars.Clean("a\tb\nc\rd"));

    [Fact]
    public void Keeps_surrogate_pairs() =>
        Assert.Equal("Pemilu 🗳 𝐊𝐏𝐔", XmlChars.Clean("Pemilu 🗳\u0001 𝐊𝐏𝐔"));

    [Fact]
    public void Returns_clean_text_as_it_is()
    {
        const string clean = "Kamis, 15 Januari 2026 — KPU 🗳";
        Assert.Same(clean, XmlChars.Clean(clean));
    }
}
