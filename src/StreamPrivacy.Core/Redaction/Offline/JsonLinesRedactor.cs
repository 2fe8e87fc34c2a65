using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Channels;
using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>
/// Redacts a file of JSON lines of any shape, one output line per kept input line, in order. A line
/// with a top-level <c>consent</c> member is an <em>event</em>: the consent filter, minimisation,
/// field rules and free-text scanning all apply. Any other line is a <em>document</em>: field rules
/// and free-text scanning apply, but nothing is dropped for consent or by the allowlist (those are
/// event semantics). Invalid lines are reported by number through a callback and skipped.
/// </summary>
/// <remarks>
/// A pipeline: one reader cuts the input into batches of whole lines, one worker thread per core
/// redacts batches, and the caller's flow writes finished batches strictly in input order, so reading,
/// redaction and writing overlap. Output order, counts and callbacks follow input order; a bounded
/// number of batches is in flight.
/// </remarks>
public sealed class JsonLinesRedactor
{
    private const int BatchBytes = 64 * 1024;
    private const int MaxWorkers = 8;
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
        var workers = Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers);
        var batches = Enumerable.Range(0, workers * 4).Select(_ => new LineBatch(BatchBytes)).ToArray();
        var free = Channel.CreateUnbounded<LineBatch>();
        foreach (var batch in batches)
        {
            free.Writer.TryWrite(batch);
        }

        var ordered = Channel.CreateUnbounded<LineBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var work = new BlockingCollection<LineBatch>(new ConcurrentQueue<LineBatch>());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var threads = StartWorkers(workers, work, stop.Token);
        var reading = Task.Run(() => ReadAsync(input, free.Reader, work, ordered.Writer, stop.Token), CancellationToken.None);
        try
        {
            long lineNumber = 0;
            await foreach (var batch in ordered.Reader.ReadAllAsync(cancellationToken))
            {
                await batch.Done.WaitAsync(cancellationToken);
                var stopped = await WriteAsync(batch, lineNumber, output, report, onProblem, cancellationToken);
                lineNumber += batch.Lines.Count;
                batch.Reset();
                free.Writer.TryWrite(batch);
                if (stopped)
                {
                    break;
                }
            }

            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await reading; // an I/O error of the reader also completes 'ordered' with it, which surfaced above
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopping early: the reader's own outcome no longer matters.
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            foreach (var batch in batches)
            {
                batch.Release();
            }
        }

        return report;
    }

    private Thread[] StartWorkers(int count, BlockingCollection<LineBatch> work, CancellationToken stop)
    {
        var threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            threads[i] = new Thread(() => Work(work, stop)) { IsBackground = true, Name = "redact-worker" };
            threads[i].Start();
        }

        return threads;
    }

    private void Work(BlockingCollection<LineBatch> work, CancellationToken stop)
    {
        try
        {
            foreach (var batch in work.GetConsumingEnumerable(stop))
            {
                try
                {
                    batch.SplitLines();
                    foreach (var (start, length) in batch.Lines)
                    {
                        batch.Outcomes.Add(ProcessLine(batch.Input.AsSpan(start, length), batch));
                    }

                    batch.Complete();
                }
                catch (Exception ex)
                {
                    batch.Fail(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: batches not taken are never awaited.
        }
    }

    /// <summary>Fills pooled batches with whole lines, hands each to the workers and, in input order, to the writer.</summary>
    private static async Task ReadAsync(Stream input, ChannelReader<LineBatch> free, BlockingCollection<LineBatch> work, ChannelWriter<LineBatch> ordered, CancellationToken stop)
    {
        Exception? failure = null;
        try
        {
            var carry = new byte[BatchBytes];
            var carried = 0;
            var eof = false;
            while (!eof)
            {
                var batch = await free.ReadAsync(stop);
                batch.EnsureInput(Math.Max(BatchBytes, carried * 2), 0);
                carry.AsSpan(0, carried).CopyTo(batch.Input);
                var filled = carried;
                var cut = -1;
                while (cut < 0)
                {
                    while (filled < batch.Input.Length)
                    {
                        var read = await input.ReadAsync(batch.Input.AsMemory(filled), stop);
                        if (read == 0)
                        {
                            eof = true;
                            break;
                        }

                        filled += read;
                    }

                    cut = eof ? filled : batch.Input.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                    if (cut <= 0 && !eof)
                    {
                        // One line longer than the buffer: grow it and keep reading.
                        batch.EnsureInput(batch.Input.Length * 2, filled);
                        cut = -1;
                    }
                }

                carried = filled - cut;
                if (carried > carry.Length)
                {
                    carry = new byte[carried];
                }

                batch.Input.AsSpan(cut, carried).CopyTo(carry);
                batch.Length = cut;
                if (cut == 0)
                {
                    break; // end of input, nothing left: the unused batch is released with the others
                }

                work.Add(batch, stop);
                ordered.TryWrite(batch);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            work.CompleteAdding();
            ordered.TryComplete(failure);
        }
    }

    /// <summary>Writes one processed batch and adds it to the report; true when the callback asked to stop.</summary>
    private static async ValueTask<bool> WriteAsync(LineBatch batch, long firstLine, Stream output, JsonLinesReport report, Func<long, string, bool> onProblem, CancellationToken cancellationToken)
    {
        var written = 0;
        for (var i = 0; i < batch.Outcomes.Count; i++)
        {
            var outcome = batch.Outcomes[i];
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

            if (outcome.Problem is not null && !onProblem(firstLine + i + 1, outcome.Problem))
            {
                await output.WriteAsync(batch.Output.WrittenMemory[..written], cancellationToken);
                report.Counts.Add(batch.Marks.CountsUpTo(written));
                return true;
            }
        }

        await output.WriteAsync(batch.Output.WrittenMemory, cancellationToken);
        report.Counts.Add(batch.Counts);
        return false;
    }

    private LineOutcome ProcessLine(ReadOnlySpan<byte> text, LineBatch batch)
    {
        if (text.Length > 0 && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        if (IsBlank(text))
        {
            return new LineOutcome(LineKind.Blank, batch.Output.WrittenCount, null);
        }

        if (!Utf8.IsValid(text))
        {
            return new LineOutcome(LineKind.Invalid, batch.Output.WrittenCount, "not valid JSON (skipped)");
        }

        var (isEvent, granted) = _consent.TopLevelConsent(text);
        if (isEvent && !granted)
        {
            return new LineOutcome(LineKind.NoConsent, batch.Output.WrittenCount, null);
        }

        var output = batch.Output;
        var before = output.WrittenCount;
        batch.LineCounts.Clear();
        try
        {
            // The engine reads the whole line with a strict reader (depth limit, no trailing content),
            // so a malformed line fails here and nothing it wrote is kept.
            (isEvent ? _events : _documents).Redact(text, output, batch.LineCounts);
        }
        catch (JsonException)
        {
            batch.Truncate(before);
            return new LineOutcome(LineKind.Invalid, before, "not valid JSON (skipped)");
        }
        catch (InvalidSubjectException ex)
        {
            batch.Truncate(before);
            return new LineOutcome(LineKind.Invalid, before, $"rejected: {ex.Message} (skipped)");
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A custom detector's regex ran out of time: the line cannot be shown to be clean.
            batch.Truncate(before);
            return new LineOutcome(LineKind.Withheld, before, "withheld: a detector timed out, the line could not be scanned completely");
        }

        if (_verifier?.FindLeak(output.WrittenSpan[before..]) is { } leak)
        {
            // Roll back what this line wrote; the finding names a type and a path only.
            batch.Truncate(before);
            return new LineOutcome(LineKind.Withheld, before, $"withheld: {leak.EntityType} still found at {leak.Path} after redaction");
        }

        output.Write("\n"u8);
        batch.Counts.Add(batch.LineCounts);
        batch.Marks.Add(output.WrittenCount, batch.LineCounts);
        return new LineOutcome(LineKind.Written, output.WrittenCount, null);
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
