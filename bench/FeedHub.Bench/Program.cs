using FeedHub.Bench;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await BenchCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
