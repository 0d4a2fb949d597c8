using System.CommandLine;
using System.Globalization;
using FeedHub.Host.Cli;

// Output (logs, feeds, dashboard) must read the same on every machine, whatever its locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// Ctrl-C / SIGTERM cancel the command's token; the default 2 s grace would cut `feedhub run` short
// (exit 143) while its host is still stopping, so commands get the host's shutdown time and a margin.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await CommandLine.InvokeAsync(args, invocation);
