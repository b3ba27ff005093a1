using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/LegCrampCare.Benchmarks -- --filter '*'   (see README.md)
BenchmarkSwitcher.FromAssembly(typeof(LegCrampCare.Benchmarks.TriageEngineBenchmarks).Assembly).Run(args);
