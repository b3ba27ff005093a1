using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/LegCrampCare.Benchmarks -- --filter '*'   (see README.md)
// dotnet run -c Release --project tests/LegCrampCare.Benchmarks -- api-logging [seconds] [paced rate]
if (args.Length > 0 && args[0] == "api-logging")
{
    return await LegCrampCare.Benchmarks.ApiLoggingBenchmark.RunAsync(args);
}

// dotnet run -c Release --project tests/LegCrampCare.Benchmarks -- quick-log [rounds]
if (args.Length > 0 && args[0] == "quick-log")
{
    return await LegCrampCare.Benchmarks.QuickLogBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(LegCrampCare.Benchmarks.TriageEngineBenchmarks).Assembly).Run(args);
return 0;
