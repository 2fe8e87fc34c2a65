using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>
/// Redacts a file of JSON lines of any shape, one output line per kept input line, in order. A line
/// with a top-level <c>consent</c> member is an <em>event</em>: the consent filter, minimisation,
/// field rules and free-text scanning all apply. Any other line is a <em>document</em>: field rules
/// and free-text scanning apply, but nothing is dropped for consent or by the allowlist (those are
/// event semantics). Invalid lines are reported by number through a callback and skipped.
/// </summary>
public sealed class JsonLinesRedactor
{
    private readonly RedactionEngine _events;
    private readonly RedactionEngine _documents;
    private readonly RawEventInspector _consent;
    private readonly PostRedactionVerifier? _verifier;
    private readonly int _maxDepth;

    /// <summary>Creates the redactor.</summary>
    /// <param name="events">Engine for events (full policy, no annotations).</param>
    /// <param name="documents">Engine for documents (minimisation off).</param>
    /// <param name="consent">Consent checker.</param>
    /// <param name="verifier">Post-redaction verifier, or null.</param>
    /// <param name="maxDepth">Deepest accepted nesting.</param>
    public JsonLinesRedactor(RedactionEngine events, RedactionEngine documents, RawEventInspector consent, PostRedactionVerifier? verifier, int maxDepth = 64)
    {
        _events = events;
        _documents = documents;
        _consent = consent;
        _verifier = verifier;
        _maxDepth = maxDepth;
    }

    /// <summary>Reads <paramref name="input"/> to the end and writes redacted lines to <paramref name="output"/>.</summary>
    /// <param name="input">JSON lines.</param>
    /// <param name="output">Redacted JSON lines.</param>
    /// <param name="onProblem">Called with the line number and a value-free description of a skipped line; return false to stop.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<JsonLinesReport> RunAsync(Stream input, Stream output, Func<long, string, bool> onProblem, CancellationToken cancellationToken = default)
    {
        var report = new JsonLinesReport();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var result = new ArrayBufferWriter<byte>(1 << 16);
        var counts = new RedactionCounts();
        try
        {
            int start = 0, end = 0;
            var eof = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    // Compact and refill; grow when one line exceeds the buffer.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken);
                    eof = read == 0;
                    end += read;
                    if (result.WrittenCount > (1 << 15))
                    {
                        await output.WriteAsync(result.WrittenMemory, cancellationToken);
                        result.ResetWrittenCount();
                    }

                    continue;
                }

                if (newline < 0 && start == end)
                {
                    break;
                }

                var length = newline < 0 ? end - start : newline;
                var keepGoing = ProcessLine(buffer.AsSpan(start, length), ++report.Lines, result, report, counts, onProblem);
                start += newline < 0 ? length : length + 1;
                if (!keepGoing)
                {
                    break;
                }
            }

            await output.WriteAsync(result.WrittenMemory, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return report;
    }

    private bool ProcessLine(ReadOnlySpan<byte> text, long number, ArrayBufferWriter<byte> result, JsonLinesReport report, RedactionCounts counts, Func<long, string, bool> onProblem)
    {
        if (text.Length > 0 && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        if (IsBlank(text))
        {
            report.Blank++;
            return true;
        }

        if (!Utf8.IsValid(text) || !IsWellFormed(text))
        {
            report.InvalidJson++;
            return onProblem(number, "not valid JSON (skipped)");
        }

        var isEvent = HasTopLevelConsent(text);
        if (isEvent && !_consent.HasConsent(text))
        {
            report.DroppedNoConsent++;
            return true;
        }

        var before = result.WrittenCount;
        counts.Clear();
        (isEvent ? _events : _documents).Redact(text, result, counts);
        if (_verifier?.FindLeak(result.WrittenSpan[before..]) is { } leak)
        {
            // Roll back what this line wrote; the verifier's finding names a type and a path only.
            var kept = result.WrittenSpan[..before].ToArray();
            result.ResetWrittenCount();
            result.Write(kept);
            report.Withheld++;
            return onProblem(number, $"withheld: {leak.EntityType} still found at {leak.Path} after redaction");
        }

        result.Write("\n"u8);
        report.Written++;
        report.Counts.Add(counts);
        return true;
    }

    private bool IsWellFormed(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = _maxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return IsBlank(text[(int)reader.BytesConsumed..]);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static bool HasTopLevelConsent(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf("\"consent\""u8) < 0)
        {
            return false; // cheap: no such key anywhere
        }

        var reader = new Utf8JsonReader(text);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("consent"u8))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }
}
