using System.Diagnostics;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>Runs Debian's chromium headless on a local file (no network, throw-away profile).</summary>
internal static class HeadlessChromium
{
    /// <summary>Where Debian's <c>chromium</c> package installs the browser.</summary>
    public const string Path = "/usr/bin/chromium";

    /// <summary>The DOM after loading and rendering <paramref name="file"/> (<c>--dump-dom</c>).</summary>
    public static async Task<string> DumpDomAsync(string file, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("sp-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", new Uri(file).AbsoluteUri,
            })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {timeout}: {await stderr}");
            }

            var dom = await stdout;
            return process.ExitCode == 0 ? dom : throw new InvalidOperationException($"chromium exited {process.ExitCode}: {await stderr}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
