using System.CommandLine;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy canary add</c>: registers canary strings as keyed hashes for the leakage stage.</summary>
internal static class CanaryCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "Canary file to create or extend (keyed hashes only; point leakage.canaries_file at it).", Required = true };
        var text = new Option<string[]>("--text", "-t") { Description = "Canary string (at least 8 characters); repeatable. Prefer --stdin so it stays out of shell history.", AllowMultipleArgumentsPerToken = false };
        var stdin = new Option<bool>("--stdin") { Description = "Read canary strings from stdin, one per line." };
        var keys = new Option<DirectoryInfo?>("--keys") { Description = "Folder of NAME.key files (the 'canary' key); else STREAMPRIVACY_KEY_CANARY. The pipeline must use the same key." };
        var add = new Command("add", "Register canary strings. Only (length, keyed fingerprint, HMAC) is stored; a canary later found in a model output raises a canary_hit leakage alert.")
        {
            file, text, stdin, keys,
        };
        add.SetAction(parse =>
        {
            var canaries = (parse.GetValue(text) ?? []).ToList();
            if (parse.GetValue(stdin))
            {
                while (Console.In.ReadLine() is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        canaries.Add(line.Trim());
                    }
                }
            }

            if (canaries.Count == 0 || canaries.Any(c => c.Length < 8))
            {
                Console.Error.WriteLine("give at least one canary of 8 or more characters (--text or --stdin)");
                return 2;
            }

            var ring = new KeyRing(parse.GetValue(keys)?.FullName, null, null, warning => Console.Error.WriteLine("warning: " + warning));
            var key = ring.Get(KeyNames.Canary);
            if (key.IsEphemeral)
            {
                Console.Error.WriteLine("no 'canary' key found (STREAMPRIVACY_KEY_CANARY or --keys DIR/canary.key): refusing to write hashes nobody could match");
                return 2;
            }

            var path = parse.GetValue(file)!.FullName;
            var existing = File.Exists(path) ? File.ReadAllLines(path) : [];
            var lines = existing.Concat(CanarySet.FromCanaries(key, canaries).ToLines()).Distinct(StringComparer.Ordinal).ToList();
            File.WriteAllLines(path, lines);
            Console.Error.WriteLine($"{canaries.Count} canary(ies) registered; {path} holds {lines.Count(l => l.StartsWith("v1:", StringComparison.Ordinal))} entries (key id {key.KeyId})");
            return 0;
        });
        return new Command("canary", "Manage canary strings for memorisation detection.") { add };
    }
}
