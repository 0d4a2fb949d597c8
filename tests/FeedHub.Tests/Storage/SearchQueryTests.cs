using FeedHub.Storage;

namespace FeedHub.Tests.Storage;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("pemilu", "\"pemilu\"")]
    [InlineData("pemilu 2024", "\"pemilu\" \"2024\"")]
    [InlineData("\"pemilu 2024\" AND", "\"pemilu 2024\"")]
    [InlineData("\"pemilu 2024", "\"pemilu 2024\"")]
    [InlineData("title:pemilu*", "\"title:pemilu*\"")]
    [InlineData("coklit \"data pemilih\" Blora", "\"coklit\" \"data pemilih\" \"Blora\"")]
    public void Quotes_every_word_and_phrase(string text, string expected)
    {
        Assert.Equal(expected, SearchQuery.FromUserText(text));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("* - ^")]
    [InlineData("AND OR")]
    public void Text_without_letters_or_digits_is_no_query(string text)
    {
        Assert.Null(SearchQuery.FromUserText(text));
    }
}
