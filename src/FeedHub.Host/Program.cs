using System.Globalization;
using FeedHub.Host.Cli;

// Output (logs, feeds, dashboard) must read the same on every machine, whatever its locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return await CommandLine.Build().Parse(args).InvokeAsync();
