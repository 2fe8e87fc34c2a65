using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Bounds-checked reader of Avro binary primitives over a span. Every length is checked against the
/// remaining bytes before anything is allocated, so a hostile length prefix cannot trigger a huge allocation.
/// </summary>
internal ref struct AvroSpanReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly FieldPath _path;
    private int _position;

    public AvroSpanReader(ReadOnlySpan<byte> data, FieldPath path)
    {
        _data = data;
        _path = path;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public long ReadLong()
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length)
            {
                throw Truncated();
            }

            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                throw Malformed("a variable-length integer overflows 64 bits");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }

            shift += 7;
            if (shift > 63)
            {
                throw Malformed("a variable-length integer is longer than 10 bytes");
            }
        }

        return (long)(result >> 1) ^ -(long)(result & 1);
    }

    public int ReadInt()
    {
        var value = ReadLong();
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Malformed("an int value is out of the 32-bit range");
        }

        return (int)value;
    }

    public bool ReadBoolean()
    {
        var b = ReadSpan(1)[0];
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw Malformed("a boolean byte is neither 0 nor 1"),
        };
    }

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadSpan(8));

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(ReadSpan(4));

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadLong();
        if (length < 0)
        {
            throw Malformed("a length prefix is negative");
        }

        if (length > Remaining)
        {
            throw Truncated();
        }

        return ReadSpan((int)length);
    }

    public string ReadString()
    {
        var bytes = ReadBytes();
        if (!Utf8.IsValid(bytes))
        {
            throw new SerdeException(SerdeErrorCode.InvalidUtf8, $"Avro string at {_path} is not valid UTF-8.");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        if (length > Remaining)
        {
            throw Truncated();
        }

        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Reads an array or map block header; returns the item count, 0 at the end of the collection.</summary>
    public long ReadBlockCount()
    {
        var count = ReadLong();
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw Malformed("a block count is out of range");
            }

            count = -count;

            // Negative counts are followed by the block size in bytes, which the reader does not need.
            _ = ReadLong();
        }

        return count;
    }

    public readonly SerdeException Truncated() =>
        new(SerdeErrorCode.MalformedAvro, $"Avro body ends unexpectedly at {_path} (truncated payload).");

    public readonly SerdeException Malformed(string problem) =>
        new(SerdeErrorCode.MalformedAvro, $"Avro body is malformed at {_path}: {problem}.");
}
