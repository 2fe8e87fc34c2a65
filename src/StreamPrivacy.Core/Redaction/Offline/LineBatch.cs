using System.Buffers;

namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>
/// A run of whole input lines and everything one worker made of them: output bytes, per-line outcomes
/// and counts. Batches are pooled by the redactor and reused; <see cref="Done"/> is renewed on each use.
/// </summary>
internal sealed class LineBatch
{
    private TaskCompletionSource _done = NewSignal();

    public LineBatch(int capacity)
    {
        Input = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <summary>Input bytes; <see cref="Length"/> of them are whole lines.</summary>
    public byte[] Input { get; private set; }

    public int Length { get; set; }

    public List<(int Start, int Length)> Lines { get; } = new(256);

    public ArrayBufferWriter<byte> Output { get; } = new(1 << 16);

    public List<LineOutcome> Outcomes { get; } = new(256);

    public RedactionCounts Counts { get; } = new();

    public RedactionCounts LineCounts { get; } = new();

    /// <summary>Per written line: its output end offset and its counts, kept flat (no per-line allocation).</summary>
    public LineMarks Marks { get; } = new();

    /// <summary>Completes when a worker has processed the batch (faults with the worker's exception).</summary>
    public Task Done => _done.Task;

    /// <summary>Makes room for at least <paramref name="size"/> input bytes, keeping the first <paramref name="kept"/>.</summary>
    public void EnsureInput(int size, int kept)
    {
        if (Input.Length >= size)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(Input, 0, bigger, 0, kept);
        ArrayPool<byte>.Shared.Return(Input);
        Input = bigger;
    }

    /// <summary>Cuts the input into lines (the reader only hands over a final line without newline at the end of input).</summary>
    public void SplitLines()
    {
        Lines.Clear();
        var input = Input.AsSpan(0, Length);
        var position = 0;
        while (position < input.Length)
        {
            var newline = input[position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                newline = input.Length - position;
            }

            Lines.Add((position, newline));
            position += newline + 1;
        }
    }

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);

    /// <summary>Readies the batch for reuse.</summary>
    public void Reset()
    {
        Length = 0;
        Lines.Clear();
        Output.ResetWrittenCount();
        Outcomes.Clear();
        Counts.Clear();
        Marks.Clear();
        _done = NewSignal();
    }

    /// <summary>Drops output written after <paramref name="length"/> bytes.</summary>
    public void Truncate(int length)
    {
        var kept = Output.WrittenSpan[..length].ToArray();
        Output.ResetWrittenCount();
        Output.Write(kept);
    }

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(Input);
        Input = [];
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
