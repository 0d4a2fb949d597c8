namespace FeedHub.Fixtures;
