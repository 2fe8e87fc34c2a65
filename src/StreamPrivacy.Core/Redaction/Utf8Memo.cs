using System.Buffers.Binary;
using System.Security.Cryptography;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// A small fixed-size memo keyed by UTF-8 bytes: two-way set-associative, most recently added first,
/// so a hit costs one hash and at most two comparisons and the memo never grows. A key is only stored
/// the second time it is offered (a one-hash "doorkeeper" remembers the first), so a stream of unique
/// strings (ids, timestamps) neither allocates nor evicts the strings that do repeat. Per-instance
/// random hash seed. Not thread-safe: one instance per thread.
/// </summary>
/// <typeparam name="T">The remembered value.</typeparam>
internal sealed class Utf8Memo<T>
{
    private readonly Entry[] _entries;
    private readonly int[] _doorkeeper;
    private readonly int _setMask;
    private readonly ulong _seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    /// <summary>Creates a memo of <paramref name="sets"/> × 2 entries (<paramref name="sets"/> a power of two).</summary>
    public Utf8Memo(int sets)
    {
        if (sets <= 0 || (sets & (sets - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sets), "a power of two");
        }

        _entries = new Entry[sets * 2];
        _doorkeeper = new int[sets * 2];
        _setMask = sets - 1;
    }

    /// <summary>Looks <paramref name="key"/> up.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, out T value) => TryGet(key, Hash(key), out value);

    /// <summary>Looks <paramref name="key"/> up with its <see cref="Hash"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, int hash, out T value)
    {
        var set = (hash & _setMask) * 2;
        for (var way = set; way < set + 2; way++)
        {
            ref var entry = ref _entries[way];
            if (entry.Hash == hash && entry.Key is not null && key.SequenceEqual(entry.Key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Offers a key by its <paramref name="hash"/>: true when it has been offered before and should now
    /// be stored (call <see cref="Add"/>), false the first time (only its hash is remembered).
    /// </summary>
    public bool Admit(int hash)
    {
        ref var seen = ref _doorkeeper[hash & (_doorkeeper.Length - 1)];
        if (seen == hash)
        {
            return true;
        }

        seen = hash;
        return false;
    }

    /// <summary>Stores <paramref name="key"/> in its set's first way, moving the previous one to the second.</summary>
    public void Add(ReadOnlySpan<byte> key, int hash, T value)
    {
        var set = (hash & _setMask) * 2;
        _entries[set + 1] = _entries[set];
        _entries[set] = new Entry(key.ToArray(), hash, value);
    }

    /// <summary>The seeded hash of <paramref name="key"/>.</summary>
    public int Hash(ReadOnlySpan<byte> key)
    {
        var h = _seed ^ ((ulong)key.Length * 0x9E3779B97F4A7C15UL);
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 32;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        }

        h ^= h >> 29;
        return (int)h ^ (int)(h >> 32);
    }

    private readonly record struct Entry(byte[]? Key, int Hash, T Value);
}
