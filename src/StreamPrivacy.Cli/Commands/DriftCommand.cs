using System.CommandLine;
using System.Text.Json;
using StreamPrivacy.Core.Drift.Offline;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy drift</c>: offline two-sample drift, optionally released with differential privacy.</summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var reference = new Option<FileInfo>("--reference", "-r") { Description = "Reference events (JSON lines with a 'features' object); public, not noised.", Required = true };
        var current = new Option<FileInfo>("--current", "-c") { Description = "Current events (JSON lines with a 'features' object).", Required = true };
        var bins = new Option<int>("--bins") { Description = "Equal-frequency bins per numeric feature.", DefaultValueFactory = _ => 10 };
        var epsilon = new Option<string>("--epsilon") { Description = "'off' for exact metrics, or the total ε of the release (split equally across features).", DefaultValueFactory = _ => "off" };
        var noiseKey = new Option<FileInfo?>("--noise-key") { Description = "Key file (>= 32 bytes, raw or base64) seeding the noise; same key and inputs give byte-identical output. Default: a fresh key from the OS CSPRNG." };
        var subject = new Option<string?>("--subject-field") { Description = "Path of the subject id in current events (e.g. subject_id); each subject then contributes at most --max-contributions events. Default: each line is one subject." };
        var bound = new Option<int>("--max-contributions") { Description = "Events one subject may contribute (k, the L1 sensitivity).", DefaultValueFactory = _ => 1 };
        var emitCounts = new Option<bool>("--emit-counts") { Description = "Include the released current counts per bin." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object (the only output format)." };
        var command = new Command("drift", "Compare a current sample with a reference sample: psi, kl, js, ks, wasserstein_norm (numeric), chi2, chi2_p (categorical), per feature; with --epsilon the current histograms are released with discrete Laplace noise.")
        {
            reference, current, bins, epsilon, noiseKey, subject, bound, emitCounts, json,
        };
        command.SetAction(parse => Run(
            parse.GetValue(reference)!, parse.GetValue(current)!, parse.GetValue(bins), parse.GetValue(epsilon)!, parse.GetValue(noiseKey),
            parse.GetValue(subject), parse.GetValue(bound), parse.GetValue(emitCounts)));
        return command;
    }

    private static int Run(FileInfo referenceFile, FileInfo currentFile, int bins, string epsilonText, FileInfo? noiseKeyFile, string? subjectField, int bound, bool emitCounts)
    {
        Rational? epsilon = null;
        if (!string.Equals(epsilonText, "off", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                epsilon = Rational.Parse(epsilonText);
            }
            catch (FormatException)
            {
                Console.Error.WriteLine("--epsilon must be 'off' or a positive number");
                return 2;
            }

            if (epsilon.Value.Sign <= 0)
            {
                Console.Error.WriteLine("--epsilon must be positive");
                return 2;
            }
        }

        if (bins < 2 || bound < 1)
        {
            Console.Error.WriteLine("--bins must be >= 2 and --max-contributions >= 1");
            return 2;
        }

        try
        {
            var key = noiseKeyFile is null ? null : SecretKey.Load(null, noiseKeyFile.FullName, "noise");
            using var reference = referenceFile.OpenText();
            using var current = currentFile.OpenText();
            var options = new OfflineDriftOptions { Bins = bins, Epsilon = epsilon, NoiseKey = key, SubjectField = subjectField, ContributionBound = bound };
            var report = OfflineDriftAnalysis.Run(reference, current, options);
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = false }))
            {
                OfflineDriftAnalysis.WriteJson(report, writer, emitCounts, epsilon);
            }

            stdout.WriteByte((byte)'\n');
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine($"drift: {ex.Message}");
            return 2;
        }
    }
}
