using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Kafka.Stages.Audit;

/// <summary>
/// Writes one audit chain (e.g. <c>release/{instance id}</c>) to the ledger topic through a stage's
/// <see cref="IStageOutput"/>, so entries commit with the stage's other outputs. Each entry is one
/// small record keyed <c>audit|{chain}|{sequence:D12}</c> (unique, so compaction keeps them all), on
/// one partition per chain so that offset order is chain order. As <see cref="IStageHooks"/> it
/// writes its start-up entries, a closing head at a graceful stop, and forgets aborted entries (only
/// when entries were written since the last commit: the sanitize stage's chain is committed at start
/// and stays valid through later aborts).
/// </summary>
/// <remarks>
/// <para>Continuation: the chain resumes from the entry with the highest sequence in the ledger
/// snapshot (<see cref="Resume"/>), on that entry's partition. A restarted instance with the same
/// instance id therefore continues its chain. Instance ids must be unique among live instances (as
/// for transactional ids): two live writers with one id fork the chain, which verification reports as
/// an insertion.</para>
/// <para>Entries carry ids, hashes and privacy parameters only, never event values or key material.
/// Not thread-safe: used from the owning stage's loop thread.</para>
/// </remarks>
internal sealed class AuditWriter : IStageHooks
{
    private readonly string _topic;
    private readonly SecretKey _auditKey;
    private readonly Func<IReadOnlyList<SnapshotRecord>> _readLedger;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<(AuditEntryKind Kind, AuditSubject Subject)> _startup;
    private readonly int _headEvery;
    private AuditChain? _chain;
    private int? _partition;
    private bool _stale;
    private bool _uncommitted;

    /// <summary>Creates a writer for <paramref name="chainId"/>; <paramref name="startup"/> entries are written (and sealed) when the stage starts.</summary>
    public AuditWriter(
        string chainId,
        string ledgerTopic,
        SecretKey auditKey,
        Func<IReadOnlyList<SnapshotRecord>> readLedger,
        TimeProvider time,
        ILogger logger,
        IReadOnlyList<(AuditEntryKind Kind, AuditSubject Subject)>? startup = null,
        int headEvery = AuditChain.DefaultHeadEvery)
    {
        ChainId = chainId;
        _topic = ledgerTopic;
        _auditKey = auditKey;
        _readLedger = readLedger;
        _time = time;
        _logger = logger;
        _startup = startup ?? [];
        _headEvery = headEvery;
    }

    /// <summary>The chain id.</summary>
    public string ChainId { get; }

    /// <summary>Sequence of the next entry (-1 before the chain is resumed).</summary>
    public long NextSequence => _chain?.NextSequence ?? -1;

    /// <summary>
    /// Continues the chain after its last entry in <paramref name="ledger"/>. Keeps the in-memory
    /// state when it is ahead of the snapshot (entries acknowledged but not yet visible), unless an
    /// aborted transaction made it stale.
    /// </summary>
    public void Resume(IReadOnlyList<SnapshotRecord> ledger)
    {
        var prefix = Encoding.UTF8.GetBytes(AuditHash.RecordKey(ChainId, 0)[..^12]);
        AuditEntry? last = null;
        int? partition = null;
        foreach (var record in ledger)
        {
            if (record.Key is not { } key || !key.AsSpan().StartsWith(prefix))
            {
                continue;
            }

            try
            {
                var entry = AuditEntryJson.Decode(record.Value);
                if (entry.Chain == ChainId && (last is null || entry.Sequence > last.Sequence))
                {
                    (last, partition) = (entry, record.Partition);
                }
            }
            catch (FormatException)
            {
                _logger.LogWarning("audit: an unreadable entry of chain {Chain} is in the ledger (partition {Partition} offset {Offset}); audit verify will report it", ChainId, record.Partition, record.Offset);
            }
        }

        if (_chain is not null && !_stale && (last?.Sequence ?? -1) < _chain.NextSequence - 1)
        {
            return;
        }

        if (last is not null && !string.Equals(AuditHash.Compute(last), last.Hash, StringComparison.Ordinal))
        {
            _logger.LogWarning("audit: the last entry of chain {Chain} (sequence {Sequence}) fails its hash; continuing after it, audit verify will report it", ChainId, last.Sequence);
        }

        _chain = new AuditChain(ChainId, _auditKey, _headEvery, last);
        _partition = partition;
        _stale = false;
        _logger.LogInformation("audit: chain {Chain} continues at sequence {Sequence}", ChainId, _chain.NextSequence);
    }

    /// <summary>Appends an entry (and a signed head when one is due).</summary>
    public void Append(IStageOutput output, AuditEntryKind kind, AuditSubject subject)
    {
        var chain = Chain();
        foreach (var entry in chain.Append(kind, subject, _time.GetUtcNow()))
        {
            Write(output, entry);
        }
    }

    /// <inheritdoc />
    public void OnStarted(IStageOutput output)
    {
        if (_startup.Count == 0)
        {
            return;
        }

        foreach (var (kind, subject) in _startup)
        {
            Append(output, kind, subject);
        }

        var chain = Chain();
        if (chain.HasUnsignedEntries)
        {
            Write(output, chain.Seal(_time.GetUtcNow()));
        }
    }

    /// <inheritdoc />
    public void OnStopping(IStageOutput output)
    {
        if (_chain is { IsClosed: false } chain && !_stale)
        {
            Write(output, chain.Close(_time.GetUtcNow()));
        }
    }

    /// <inheritdoc />
    public void OnAborted()
    {
        // Entries written since the last commit were aborted with it: re-read the chain's end from
        // the ledger. Without such entries the in-memory chain still matches the ledger.
        _stale |= _uncommitted;
        _uncommitted = false;
    }

    /// <inheritdoc />
    public void OnCommitted() => _uncommitted = false;

    private AuditChain Chain()
    {
        if (_chain is null || _stale)
        {
            Resume(_readLedger());
        }

        return _chain!;
    }

    private void Write(IStageOutput output, AuditEntry entry)
    {
        var partitions = output.PartitionCount(_topic);
        if (_partition is not { } partition || partition >= partitions)
        {
            partition = (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(ChainId))) % (uint)partitions);
            _partition = partition;
        }

        output.Produce(_topic, partition, Encoding.UTF8.GetBytes(entry.RecordKey), AuditEntryJson.Encode(entry));
        _uncommitted = true;
    }
}
