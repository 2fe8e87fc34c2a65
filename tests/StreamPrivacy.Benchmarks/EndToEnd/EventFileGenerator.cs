using System.Globalization;
using StreamPrivacy.Core.Simulation;

namespace StreamPrivacy.Benchmarks.EndToEnd;

/// <summary>Writes synthetic raw events (the demo's traffic, well-formed only) as JSON lines, for offline comparisons.</summary>
internal static class EventFileGenerator
{
    public static int Run(string[] args)
    {
        var events = 20_000;
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--events":
                    events = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--output":
                    output = args[i + 1];
                    break;
            }
        }

        if (output is null)
        {
            Console.Error.WriteLine("usage: generate --events N --output FILE");
            return 2;
        }

        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { MalformedRate = 0, PiiRate = 0.5 }, TimeProvider.System);
        using var file = File.Create(output);
        for (var i = 0; i < events; i++)
        {
            file.Write(generator.Next().Payload);
            file.WriteByte((byte)'\n');
        }

        return 0;
    }
}
