using System.Diagnostics;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>Runs the real <c>streamprivacy</c> binary (copied next to the tests) as a child process.</summary>
internal static class CliProcess
{
    private static readonly Lazy<string> QuietConfig = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamprivacy-test-quiet-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, "telemetry:\n  health_port: 0\n  prometheus_port: 0\n");
        return path;
    });

    /// <summary>
    /// A `run` configuration with the health and metrics endpoints off, so `run` processes of tests
    /// that run in parallel do not compete for the default ports 8080 and 9464.
    /// </summary>
    public static string NoEndpointsConfig => QuietConfig.Value;

    public static Process Start(params string[] args) => Start(null, args);

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "streamprivacy.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["STREAMPRIVACY_PSEUDONYM_KEY"] = Convert.ToBase64String(new byte[32]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    public static Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] args) => RunAsync(timeout, null, args);

    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static void SendSigterm(Process process)
    {
        if (!OperatingSystem.IsWindows())
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }
}
