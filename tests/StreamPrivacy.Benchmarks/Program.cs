using BenchmarkDotNet.Running;
using StreamPrivacy.Benchmarks.EndToEnd;

// `e2e [--events N] [--partitions P] [--threads T] [--workers W] [--warm]` runs the end-to-end harness on the embedded cluster;
// `generate --events N --output FILE` writes synthetic raw events as JSON lines;
// `state-memory [--subjects S]` shows that the profile stage's state does not grow with events;
// anything else goes to BenchmarkDotNet (e.g. `--filter *Sanitize*`).
if (args.Length > 0 && args[0] == "e2e")
{
    return await EndToEndHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "state-memory")
{
    return StreamPrivacy.Benchmarks.State.ProfileStateMemory.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "generate")
{
    return EventFileGenerator.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(EndToEndHarness).Assembly).Run(args);
return 0;
