using BenchmarkDotNet.Running;
using StreamPrivacy.Benchmarks.EndToEnd;

// `e2e [--events N] [--partitions P] [--threads T] [--workers W] [--warm]` runs the end-to-end harness on the embedded cluster;
// `generate --events N --output FILE` writes synthetic raw events as JSON lines;
// `state-memory [--subjects S]` shows that the profile stage's state does not grow with events;
// `soak [--minutes M] [--rate R]` runs the whole pipeline under sustained load and reports memory;
// `restore [--events N]` measures how long the profile stage takes to rebuild an open window;
// anything else goes to BenchmarkDotNet (e.g. `--filter *Sanitize*`).
if (args.Length > 0 && args[0] == "e2e")
{
    return await EndToEndHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "state-memory")
{
    return StreamPrivacy.Benchmarks.State.ProfileStateMemory.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "soak")
{
    return await StreamPrivacy.Benchmarks.State.SoakTest.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "restore")
{
    return await StreamPrivacy.Benchmarks.State.RestoreTime.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "generate")
{
    return EventFileGenerator.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(EndToEndHarness).Assembly).Run(args);
return 0;
