using System.Runtime.CompilerServices;
using Avro;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Compares (writer fingerprint, reader schema) keys by fingerprint and reader instance identity.</summary>
internal sealed class WriterReaderComparer : IEqualityComparer<(long Writer, RecordSchema Reader)>
{
    public bool Equals((long Writer, RecordSchema Reader) x, (long Writer, RecordSchema Reader) y) =>
        x.Writer == y.Writer && ReferenceEquals(x.Reader, y.Reader);

    public int GetHashCode((long Writer, RecordSchema Reader) obj) =>
        HashCode.Combine(obj.Writer, RuntimeHelpers.GetHashCode(obj.Reader));
}
