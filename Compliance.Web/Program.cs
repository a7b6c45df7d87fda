using Compliance.Web.Commands;
using NodaTime;

// The composition root: the only place the real clock is chosen.
return await CommandLine.RunAsync(args, SystemClock.Instance, Console.In, Console.Out, Console.Error);

public partial class Program;
