using FeedHub.Normalisation;

namespace FeedHub.Tests.Normalisation;

public class TextCleanerTests
{
    [Theory]
    [InlineData("Uji &quot;Kutip&quot;", "Uji \"Kutip\"")]
    [InlineData("Uji &amp;quot;Kutip&amp;quot;", "Uji \"Kutip\"")]
    [InlineData("Forum &amp;amp;quot;Kamis Sesuatu&amp;amp;quot;", "Forum \"Kamis Sesuatu\"")]
    [InlineData("KPU &amp; Bawaslu", "KPU & Bawaslu")]
    [InlineData("R&D", "R&D")]
    public void Decodes_entities_again_while_they_survive(string raw, string expected) =>
        Assert.Equal(expected, TextCleaner.Title(raw));

    [Fact]
    public void Collapses_whitespace() =>
        Assert.Equal("KPU CONTOH APEL PAGI", TextCleaner.Title("  KPU\u00A0CONTOH \n\t APEL\u200B  PAGI  "));

    [Fact]
    public void Removes_characters_xml_forbids() =>
        Assert.Equal("KPU Contoh", TextCleaner.Title("KPU\u0002 Contoh\uFFFF"));

    [Fact]
    public void Caps_a_very_long_title_at_a_word_boundary()
    {
        var title = TextCleaner.Title(string.Join(' ', Enumerable.Repeat("sosialisasi", 60)));

        Assert.True(title.Length <= TextCleaner.MaxTitleLength, $"{title.Length} characters");
        Assert.EndsWith("sosialisasi…", title);
    }

    [Fact]
    public void Keeps_a_title_of_normal_length_whole() =>
        Assert.Equal("KPU Contoh Gelar Rapat", TextCleaner.Title("KPU Contoh Gelar Rapat"));

    [Fact]
    public void Gives_empty_text_for_null() => Assert.Equal("", TextCleaner.Clean(null));
}
