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

    [Theory]
    [InlineData("Rapat &lt;img src=x onerror=alert(1)&gt;Pleno")]
    [InlineData("Rapat Pleno &lt;img src=x onerror=alert(1)//")]
    [InlineData("Rapat &lt;&lt;b&gt;&lt;/b&gt;img src=x onerror=alert(1)&gt;Pleno")]
    [InlineData("Rapat <<b></b>img src=x onerror=alert(1)>Pleno")]
    [InlineData("Rapat &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; Pleno")]
    public void Decoded_markup_leaves_no_tag_opener(string raw)
    {
        var title = TextCleaner.Title(raw);

        Assert.DoesNotContain("<", title);
        Assert.StartsWith("Rapat", title);
    }

    [Fact]
    public void Keeps_a_less_than_sign_that_opens_no_tag() =>
        Assert.Equal("Partisipasi < 50% dan <3", TextCleaner.Title("Partisipasi &lt; 50% dan &lt;3"));

    [Fact]
    public void Removes_bidirectional_controls() =>
        Assert.Equal("KPU Contoh ilihat gnp.exe", TextCleaner.Title("KPU \u202AContoh\u202C \u202Eilihat\u202C \u2066gnp.exe\u2069\u200E\u200F"));
}
