using Compliance.Bench;
using NodaTime;

// The composition root of the benchmarks: the only place here the real clock is chosen.
return await BenchCommandLine.RunAsync(args, SystemClock.Instance, Console.Out, Console.Error);
