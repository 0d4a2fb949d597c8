using System.CommandLine;
using FeedHub.Host.Cli;

// Ctrl-C / SIGTERM cancel the command's token; the default 2 s grace would cut `feedhub run` short
// (exit 143) while its host is still stopping, so commands get the host's shutdown time and a margin.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await CommandLine.Build().Parse(args).InvokeAsync(invocation);
