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
/// event semantics). Invalid lines are reported by number through a callback and skipped. Lines are
/// processed in batches on all cores; output order and callbacks follow input order.
/// </summary>
public sealed class JsonLinesRedactor
{
    private const int BatchLines = 4096;
    private readonly RedactionEngine _events;
    private readonly RedactionEngine _documents;
    private readonly RawEventInspector _consent;
    private readonly PostRedactionVerifier? _verifier;

    /// <summary>Creates the redactor.</summary>
    /// <param name="events">Engine for events (full policy, no annotations).</param>
    /// <param name="documents">Engine for documents (minimisation off).</param>
    /// <param name="consent">Consent checker.</param>
    /// <param name="verifier">Post-redaction verifier, or null.</param>
    public JsonLinesRedactor(RedactionEngine events, RedactionEngine documents, RawEventInspector consent, PostRedactionVerifier? verifier)
    {
        _events = events;
        _documents = documents;
        _consent = consent;
        _verifier = verifier;
    }

    /// <summary>Reads <paramref name="input"/> to the end and writes redacted lines to <paramref name="output"/>.</summary>
    /// <param name="input">JSON lines.</param>
    /// <param name="output">Redacted JSON lines.</param>
    /// <param name="onProblem">Called, in line order, with the line number and a value-free description of a skipped line; return false to stop.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<JsonLinesReport> RunAsync(Stream input, Stream output, Func<long, string, bool> onProblem, CancellationToken cancellationToken = default)
    {
        var report = new JsonLinesReport();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var lines = new List<(int Start, int Length)>(BatchLines);
        // More slices than cores: uneven lines balance out across the workers.
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var slices = Enumerable.Range(0, workers * 8).Select(_ => new Slice()).ToArray();
        long lineNumber = 0;
        try
        {
            int filled = 0;
            var eof = false;
            while (!eof || filled > 0)
            {
                if (!eof && filled < buffer.Length)
                {
                    var read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                    eof = read == 0;
                    filled += read;
                    if (!eof && filled < buffer.Length)
                    {
                        continue;
                    }
                }

                // Cut the filled buffer into whole lines; keep a trailing partial line for the next round.
                lines.Clear();
                var position = 0;
                while (position < filled)
                {
                    var newline = buffer.AsSpan(position, filled - position).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        if (!eof)
                        {
                            break;
                        }

                        newline = filled - position;
                    }

                    lines.Add((position, newline));
                    position += newline + 1;
                }

                if (lines.Count == 0 && !eof)
                {
                    // One line longer than the buffer: grow it.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    continue;
                }

                var stop = await ProcessBatchAsync(buffer, lines, lineNumber, slices, output, report, onProblem, cancellationToken);
                lineNumber += lines.Count;
                if (stop)
                {
                    break;
                }

                var consumed = Math.Min(position, filled);
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                if (eof && filled == 0)
                {
                    break;
                }
            }

            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return report;
    }

    private async Task<bool> ProcessBatchAsync(byte[] buffer, List<(int Start, int Length)> lines, long firstLine, Slice[] slices, Stream output, JsonLinesReport report, Func<long, string, bool> onProblem, CancellationToken cancellationToken)
    {
        var per = (lines.Count + slices.Length - 1) / slices.Length;
        Parallel.For(0, slices.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, w =>
        {
            var slice = slices[w];
            slice.Reset();
            var end = Math.Min(lines.Count, (w + 1) * per);
            for (var i = w * per; i < end; i++)
            {
                var (start, length) = lines[i];
                slice.Outcomes.Add(ProcessLine(buffer.AsSpan(start, length), slice));
            }
        });

        // Merge in input order: output bytes, counts and problem reports.
        var index = 0;
        foreach (var slice in slices)
        {
            var written = 0;
            foreach (var outcome in slice.Outcomes)
            {
                var number = firstLine + index + 1;
                index++;
                report.Lines++;
                switch (outcome.Kind)
                {
                    case LineKind.Written:
                        report.Written++;
                        written = outcome.End;
                        break;
                    case LineKind.Blank:
                        report.Blank++;
                        break;
                    case LineKind.NoConsent:
                        report.DroppedNoConsent++;
                        break;
                    case LineKind.Invalid:
                        report.InvalidJson++;
                        break;
                    case LineKind.Withheld:
                        report.Withheld++;
                        break;
                }

                if (outcome.Problem is not null && !onProblem(number, outcome.Problem))
                {
                    await output.WriteAsync(slice.Output.WrittenMemory[..written], cancellationToken);
                    report.Counts.Add(slice.CountsUpTo(written));
                    return true;
                }
            }

            await output.WriteAsync(slice.Output.WrittenMemory, cancellationToken);
            report.Counts.Add(slice.Counts);
        }

        return false;
    }

    private Outcome ProcessLine(ReadOnlySpan<byte> text, Slice slice)
    {
        if (text.Length > 0 && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        if (IsBlank(text))
        {
            return new Outcome(LineKind.Blank, slice.Output.WrittenCount, null);
        }

        if (!Utf8.IsValid(text))
        {
            return new Outcome(LineKind.Invalid, slice.Output.WrittenCount, "not valid JSON (skipped)");
        }

        var (isEvent, granted) = _consent.TopLevelConsent(text);
        if (isEvent && !granted)
        {
            return new Outcome(LineKind.NoConsent, slice.Output.WrittenCount, null);
        }

        var output = slice.Output;
        var before = output.WrittenCount;
        slice.LineCounts.Clear();
        try
        {
            // The engine reads the whole line with a strict reader (depth limit, no trailing content),
            // so a malformed line fails here and nothing it wrote is kept.
            (isEvent ? _events : _documents).Redact(text, output, slice.LineCounts);
        }
        catch (JsonException)
        {
            slice.Truncate(before);
            return new Outcome(LineKind.Invalid, before, "not valid JSON (skipped)");
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A custom detector's regex ran out of time: the line cannot be shown to be clean.
            slice.Truncate(before);
            return new Outcome(LineKind.Withheld, before, "withheld: a detector timed out, the line could not be scanned completely");
        }
        if (_verifier?.FindLeak(output.WrittenSpan[before..]) is { } leak)
        {
            // Roll back what this line wrote; the finding names a type and a path only.
            slice.Truncate(before);
            return new Outcome(LineKind.Withheld, before, $"withheld: {leak.EntityType} still found at {leak.Path} after redaction");
        }

        output.Write("\n"u8);
        slice.Counts.Add(slice.LineCounts);
        slice.Marks.Add(output.WrittenCount, slice.LineCounts);
        return new Outcome(LineKind.Written, output.WrittenCount, null);
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private enum LineKind
    {
        Written,
        Blank,
        NoConsent,
        Invalid,
        Withheld,
    }

    private readonly record struct Outcome(LineKind Kind, int End, string? Problem);

    /// <summary>Flat record of each written line's end offset and count entries, for exact partial reports on a stop.</summary>
    private sealed class LineMarks
    {
        private readonly List<(int End, int FirstEntry, long FieldsRemoved)> _lines = new(1024);
        private readonly List<(string Key, long Count, bool IsEntity)> _entries = new(1024);

        public void Add(int end, RedactionCounts line)
        {
            _lines.Add((end, _entries.Count, line.FieldsRemoved));
            foreach (var (key, count) in line.ByEntity)
            {
                _entries.Add((key, count, true));
            }

            foreach (var (key, count) in line.ByField)
            {
                _entries.Add((key, count, false));
            }
        }

        public void Clear()
        {
            _lines.Clear();
            _entries.Clear();
        }

        public RedactionCounts CountsUpTo(int end)
        {
            var counts = new RedactionCounts();
            for (var i = 0; i < _lines.Count && _lines[i].End <= end; i++)
            {
                var last = i + 1 < _lines.Count ? _lines[i + 1].FirstEntry : _entries.Count;
                for (var e = _lines[i].FirstEntry; e < last; e++)
                {
                    var (key, count, isEntity) = _entries[e];
                    var target = isEntity ? counts.ByEntity : counts.ByField;
                    target[key] = target.GetValueOrDefault(key) + count;
                }

                counts.FieldsRemoved += _lines[i].FieldsRemoved;
            }

            return counts;
        }
    }

    /// <summary>One worker's share of a batch: its output bytes, per-line outcomes and counts.</summary>
    private sealed class Slice
    {
        public ArrayBufferWriter<byte> Output { get; } = new(1 << 16);

        public List<Outcome> Outcomes { get; } = new(1024);

        public RedactionCounts Counts { get; } = new();

        public RedactionCounts LineCounts { get; } = new();

        /// <summary>Per written line: its output end offset and its counts, kept flat (no per-line allocation).</summary>
        public LineMarks Marks { get; } = new();

        public void Reset()
        {
            Output.ResetWrittenCount();
            Outcomes.Clear();
            Counts.Clear();
            Marks.Clear();
        }

        public void Truncate(int length)
        {
            var kept = Output.WrittenSpan[..length].ToArray();
            Output.ResetWrittenCount();
            Output.Write(kept);
        }

        public RedactionCounts CountsUpTo(int end) => Marks.CountsUpTo(end);
    }
}
