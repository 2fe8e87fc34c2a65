using System.Buffers.Binary;
using System.Text;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Growable byte buffer with the Avro binary primitive encodings.</summary>
internal sealed class AvroBufferWriter
{
    // Strict encoder: a lone surrogate in a string must fail instead of silently becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer = new byte[512];
    private int _length;

    public int Length => _length;

    public void Reset() => _length = 0;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteLong(long value)
    {
        Ensure(10);
        var n = (ulong)((value << 1) ^ (value >> 63));
        while (n >= 0x80)
        {
            _buffer[_length++] = (byte)(n | 0x80);
            n >>= 7;
        }

        _buffer[_length++] = (byte)n;
    }

    public void WriteDouble(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteFloat(float value)
    {
        Ensure(4);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteLong(bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>Writes a length-prefixed UTF-8 string; throws <see cref="EncoderFallbackException"/> on lone surrogates.</summary>
    public void WriteString(string value)
    {
        var count = StrictUtf8.GetByteCount(value);
        WriteLong(count);
        Ensure(count);
        _length += StrictUtf8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, size);
    }
}
