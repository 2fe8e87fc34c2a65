using System.Text;
using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// Loads and stores reference profiles as files. A reference file is either a stored profile
/// (the JSON written by <see cref="ReferenceProfile.ToJson"/>, recognised by its
/// <c>formatVersion</c> member) or a JSON-lines reference sample (one event object with a
/// <c>features</c> object per line), which is profiled on load.
/// </summary>
/// <remarks>
/// A reference sample is public reference data: it is binned exactly, never noised. Error messages
/// name the file, the line and the problem, never the file's content.
/// </remarks>
public static class ReferenceProfileFile
{
    private const string FormatVersionMember = "formatVersion";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads a stored profile or profiles a JSON-lines reference sample.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bins">B for numeric features of a JSON-lines sample (≥ 2); a stored profile keeps its own.</param>
    /// <param name="declaredKinds">Feature kinds that are not inferred (JSON-lines sample only; a stored profile keeps its own).</param>
    /// <returns>The profile; its <see cref="ReferenceProfile.ContentHash"/> identifies the reference version.</returns>
    /// <exception cref="InvalidDataException">
    /// The file is empty, not valid UTF-8, not valid JSON, a line is not a JSON object, a stored
    /// profile has an unknown format version or a content hash that does not match, or a declared
    /// numeric feature has no numeric value. The message has the path and line, never values.
    /// </exception>
    public static ReferenceProfile Load(string path, int bins = 10, IReadOnlyDictionary<string, FeatureKind>? declaredKinds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        try
        {
            return IsStoredProfile(path) ? LoadStored(path) : LoadJsonLines(path, bins, declaredKinds);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{path}: not valid UTF-8.");
        }
    }

    /// <summary>
    /// Writes <paramref name="profile"/> as <see cref="ReferenceProfile.ToJson"/> to a temporary file
    /// next to <paramref name="path"/> and then moves it over <paramref name="path"/>, so readers see
    /// the old file or the complete new one, never a partial write.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="path">Destination; replaced if it exists.</param>
    public static void Save(ReferenceProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = StrictUtf8.GetBytes(profile.ToJson() + "\n");
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // no-op after a successful move
        }
    }

    /// <summary>
    /// A stored profile is one JSON object with <c>formatVersion</c>; ToJson writes it indented, so
    /// its first line alone is not valid JSON, while every JSON-lines event is complete on its line.
    /// </summary>
    private static bool IsStoredProfile(string path)
    {
        string? first;
        int lineNumber;
        using (var reader = OpenText(path))
        {
            (first, lineNumber) = FirstNonBlankLine(reader);
        }

        if (first is null)
        {
            throw new InvalidDataException($"{path}: empty; expected a stored reference profile or JSON-lines reference events.");
        }

        if (TryParse(first, out var firstLine, out _))
        {
            using (firstLine)
            {
                return HasFormatVersion(firstLine.RootElement);
            }
        }

        // Not a one-line value: either a multi-line document (a stored profile) or a broken line.
        try
        {
            using var whole = JsonDocument.Parse(File.ReadAllText(path, StrictUtf8));
            if (HasFormatVersion(whole.RootElement))
            {
                return true;
            }
        }
        catch (JsonException ex)
        {
            // LineNumber counts from the start of the file (0-based); the exception text can quote content.
            throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}: not valid JSON (byte {ex.BytePositionInLine + 1} of the line).");
        }

        throw new InvalidDataException($"{path}: line {lineNumber}: not a complete JSON object (JSON lines need one event per line) and the file is not a stored reference profile (no {FormatVersionMember}).");
    }

    private static ReferenceProfile LoadStored(string path)
    {
        try
        {
            return ReferenceProfile.FromJson(File.ReadAllText(path, StrictUtf8));
        }
        catch (InvalidDataException ex) when (ex.InnerException is JsonException json)
        {
            throw new InvalidDataException($"{path}: line {json.LineNumber + 1}: malformed stored reference profile (not valid JSON).", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: stored reference profile: {ex.Message}", ex);
        }
    }

    private static ReferenceProfile LoadJsonLines(string path, int bins, IReadOnlyDictionary<string, FeatureKind>? declaredKinds)
    {
        var builder = new ReferenceProfileBuilder(bins, declaredKinds);
        using (var reader = OpenText(path))
        {
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (!TryParse(line, out var document, out var error))
                {
                    throw new InvalidDataException($"{path}: line {lineNumber}: not valid JSON (byte {error!.BytePositionInLine + 1}).");
                }

                using (document)
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidDataException($"{path}: line {lineNumber}: not a JSON object (expected an event with a 'features' object).");
                    }

                    builder.AddEvent(document.RootElement);
                }
            }
        }

        if (builder.Events == 0)
        {
            throw new InvalidDataException($"{path}: no reference events.");
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidOperationException ex)
        {
            // The builder's message names the feature, not a value.
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    private static StreamReader OpenText(string path) => new(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);

    private static (string? Line, int Number) FirstNonBlankLine(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                return (line, number);
            }
        }

        return (null, number);
    }

    private static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document, out JsonException? error)
    {
        try
        {
            document = JsonDocument.Parse(text);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            error = ex;
            return false;
        }
    }

    private static bool HasFormatVersion(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(FormatVersionMember, out _);
}
