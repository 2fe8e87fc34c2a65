using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Cli.Demo;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy demo</c>: the whole pipeline on an embedded cluster with synthetic traffic.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var events = new Option<long>("--events", "-n") { Description = "Synthetic events to generate.", DefaultValueFactory = _ => 30_000 };
        var duration = new Option<TimeSpan>("--duration", "-d")
        {
            Description = "Longest run time (e.g. 00:00:50); the demo stops earlier once every event is processed.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(50),
        };
        var rate = new Option<int>("--rate") { Description = "Events per second from the generator (0 = as fast as possible).", DefaultValueFactory = _ => 5_000 };
        var drift = new Option<bool>("--drift") { Description = "Inject feature and prediction drift in the second half of the traffic (default true; --drift false to turn off).", DefaultValueFactory = _ => true };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic traffic.", DefaultValueFactory = _ => 20261120 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show pipeline logs." };
        var command = new Command("demo", "Start an embedded Kafka cluster, generate realistic ML traffic with PII and consent flags, run the pipeline and show it live. Finishes by itself.")
        {
            events, duration, rate, drift, seed, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new DemoSettings(
                parse.GetValue(events), parse.GetValue(duration), parse.GetValue(rate), parse.GetValue(drift), parse.GetValue(seed));
            if (settings.Events < 1 || settings.Duration <= TimeSpan.Zero || settings.Rate < 0)
            {
                await Console.Error.WriteLineAsync("--events must be >= 1, --duration > 0 and --rate >= 0");
                return 2;
            }

            using var loggers = ConsoleLogging.Create(parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Error);
            using var signal = new ShutdownSignal(ct);
            return await new DemoRunner(settings, loggers).RunAsync(signal.Token);
        });
        return command;
    }
}
