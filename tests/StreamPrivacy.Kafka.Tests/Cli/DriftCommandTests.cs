using System.Globalization;
using System.Text.Json.Nodes;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>The offline <c>drift</c> command, run as a real process.</summary>
public sealed class DriftCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-drift-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private (string Reference, string Current) Samples() => (
        Write("r.jsonl", Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{\"features\":{{\"age\":{20 + (i % 50)},\"country\":\"{(i % 2 == 0 ? "DE" : "FR")}\"}}}}"))),
        Write("c.jsonl", Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{\"features\":{{\"age\":{35 + (i % 50)},\"country\":\"{(i % 3 == 0 ? "DE" : "US")}\"}}}}"))));

    [Fact]
    public async Task Drift_EpsilonOff_PrintsExactMetricsPerFeature()
    {
        var (r, c) = Samples();
        var (exit, output) = await CliProcess.RunAsync(Timeout, "drift", "--reference", r, "--current", c, "--json");
        Assert.Equal(0, exit);
        var features = JsonNode.Parse(output)!["features"]!;
        Assert.Equal("numeric", features["age"]!["type"]!.GetValue<string>());
        Assert.True(features["age"]!["psi"]!.GetValue<double>() > 0.2);
        Assert.True(features["age"]!["drifted"]!.GetValue<bool>());
        Assert.Null(features["age"]!["chi2"]);
        Assert.Equal("categorical", features["country"]!["type"]!.GetValue<string>());
        Assert.True(features["country"]!["chi2_p"]!.GetValue<double>() < 0.001);
        Assert.Null(features["country"]!["dp"]);
    }

    [Fact]
    public async Task Drift_SameNoiseKeyFile_ByteIdenticalOutput()
    {
        var (r, c) = Samples();
        var key = Path.Combine(_dir, "noise.key");
        await File.WriteAllBytesAsync(key, [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        string[] args = ["drift", "-r", r, "-c", c, "--epsilon", "2", "--noise-key", key, "--emit-counts", "--json"];
        var first = await CliProcess.RunAsync(Timeout, args);
        var second = await CliProcess.RunAsync(Timeout, args);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        var age = JsonNode.Parse(first.Output)!["features"]!["age"]!;
        Assert.Equal("discrete_laplace", age["dp"]!["mechanism"]!.GetValue<string>());
        Assert.Equal(1.0, age["dp"]!["epsilon"]!.GetValue<double>());
        Assert.Equal(10, age["counts"]!.AsArray().Count);
        Assert.Equal(0.9, age["dp"]!["confidence"]!.GetValue<double>());
        var psi = age["dp"]!["error_bars"]!["psi"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.True(psi.Length == 2 && psi[0] <= psi[1]);
        Assert.Null(JsonNode.Parse(first.Output)!["features"]!["country"]!["dp"]!["error_bars"]!["ks"]);
    }

    [Fact]
    public async Task Drift_BadEpsilon_ExitsTwo()
    {
        var (r, c) = Samples();
        var (exit, _) = await CliProcess.RunAsync(Timeout, "drift", "-r", r, "-c", c, "--epsilon", "-1", "--json");
        Assert.Equal(2, exit);
    }
}
