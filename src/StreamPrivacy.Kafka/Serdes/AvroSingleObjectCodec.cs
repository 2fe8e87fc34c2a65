using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Avro;
using Avro.Generic;
using Avro.IO;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Avro single-object encoding (0xC3 0x01, 8-byte little-endian CRC-64-AVRO fingerprint of the
/// writer schema, Avro binary body) to and from the pipeline's JSON representation.
/// Thread-safe.
/// </summary>
public sealed class AvroSingleObjectCodec
{
    /// <summary>Length of the single-object header: two marker bytes and the fingerprint.</summary>
    public const int HeaderLength = 10;

    private const byte Marker0 = 0xC3;
    private const byte Marker1 = 0x01;

    [ThreadStatic]
    private static AvroBufferWriter? _threadWriter;

    // Caches are keyed by schema instance (hashing a schema walks all its fields); callers that
    // parse a fresh schema per call would grow them without bound, so they stop growing at a cap.
    private const int MaxCachedSchemas = 256;

    private readonly AvroSchemaCatalog _catalog;
    private readonly ConcurrentDictionary<Schema, long> _fingerprints = new(ReferenceEqualityComparer.Instance);

    // Keyed by reader instance, not reader fingerprint: the canonical form ignores defaults, and
    // two readers differing only in a default must not share a resolver.
    private readonly ConcurrentDictionary<(long Writer, RecordSchema Reader), GenericDatumReader<GenericRecord>> _resolvingReaders =
        new(new WriterReaderComparer());

    /// <summary>Creates a codec that resolves writer schemas through <paramref name="catalog"/>.</summary>
    /// <param name="catalog">Schemas known to readers and allowed for writers.</param>
    public AvroSingleObjectCodec(AvroSchemaCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <summary>True when the payload starts with the single-object marker 0xC3 0x01.</summary>
    /// <param name="payload">Raw message value.</param>
    /// <returns>Whether the payload claims to be Avro single-object encoded.</returns>
    public static bool LooksLikeSingleObject(ReadOnlySpan<byte> payload) =>
        payload.Length >= 2 && payload[0] == Marker0 && payload[1] == Marker1;

    /// <summary>Encodes a JSON event as an Avro single object, driven by <paramref name="schema"/>.</summary>
    /// <param name="value">The event in its JSON representation.</param>
    /// <param name="schema">Writer schema; must be registered in the catalogue so readers can resolve it.</param>
    /// <returns>The encoded bytes.</returns>
    /// <exception cref="SerdeException">The value does not fit the schema.</exception>
    /// <exception cref="ArgumentException">The schema is not in the catalogue.</exception>
    public byte[] Encode(JsonObject value, RecordSchema schema)
    {
        var fingerprint = FingerprintOf(schema);
        if (!_catalog.TryGetByFingerprint(fingerprint, out _))
        {
            throw new ArgumentException($"Schema {schema.Fullname} is not in the catalogue; readers could not resolve its fingerprint.", nameof(schema));
        }

        var writer = _threadWriter ??= new AvroBufferWriter();
        writer.Reset();
        writer.WriteByte(Marker0);
        writer.WriteByte(Marker1);
        Span<byte> fp = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(fp, fingerprint);
        writer.WriteRaw(fp);
        AvroJsonEncoder.WriteRecord(writer, schema, value, new FieldPath(), 0);
        return writer.ToArray();
    }

    /// <summary>Decodes an Avro single object into the JSON representation.</summary>
    /// <param name="payload">The encoded bytes.</param>
    /// <param name="readerSchema">
    /// Schema to read with; Avro schema resolution is applied when it differs from the writer schema.
    /// Null means the newest catalogue schema with the writer schema's full name.
    /// </param>
    /// <returns>The event as a JSON object with the reader schema's field names and order.</returns>
    /// <exception cref="SerdeException">The payload is malformed, its schema unknown, or it cannot be resolved.</exception>
    public JsonObject Decode(ReadOnlySpan<byte> payload, RecordSchema? readerSchema = null)
    {
        if (!LooksLikeSingleObject(payload))
        {
            throw new SerdeException(SerdeErrorCode.MalformedAvro, "Payload does not start with the Avro single-object marker C3 01.");
        }

        if (payload.Length < HeaderLength)
        {
            throw new SerdeException(SerdeErrorCode.MalformedAvro, "Payload is shorter than the 10-byte Avro single-object header.");
        }

        var fingerprint = BinaryPrimitives.ReadInt64LittleEndian(payload[2..HeaderLength]);
        if (!_catalog.TryGetByFingerprint(fingerprint, out var writerSchema))
        {
            throw new SerdeException(
                SerdeErrorCode.UnknownFingerprint,
                $"No schema in the catalogue has fingerprint 0x{((ulong)fingerprint).ToString("X16", CultureInfo.InvariantCulture)}.");
        }

        readerSchema ??= _catalog.GetByName(writerSchema.Fullname);
        var body = payload[HeaderLength..];

        // The direct decoder validates the whole body (bounds, UTF-8, non-finite numbers, trailing
        // bytes) before Avro's own reader sees it, which has weaker checks on hostile lengths.
        var direct = AvroJsonDecoder.DecodeRecord(body, writerSchema);
        var readerFingerprint = FingerprintOf(readerSchema);
        return readerFingerprint == fingerprint ? direct : Resolve(body, writerSchema, fingerprint, readerSchema);
    }

    private long FingerprintOf(Schema schema)
    {
        if (_fingerprints.TryGetValue(schema, out var fingerprint))
        {
            return fingerprint;
        }

        fingerprint = AvroSchemaCatalog.Fingerprint(schema);
        if (_fingerprints.Count < MaxCachedSchemas)
        {
            _fingerprints.TryAdd(schema, fingerprint);
        }

        return fingerprint;
    }

    private JsonObject Resolve(ReadOnlySpan<byte> body, RecordSchema writerSchema, long writerFingerprint, RecordSchema readerSchema)
    {
        var key = (writerFingerprint, readerSchema);
        if (!_resolvingReaders.TryGetValue(key, out var reader))
        {
            reader = CreateResolvingReader(writerSchema, readerSchema);
            if (_resolvingReaders.Count < MaxCachedSchemas)
            {
                _resolvingReaders.TryAdd(key, reader);
            }
        }

        object? result;
        try
        {
            // Avro's reader needs a Stream; the body is small and already validated.
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            result = reader.Read(null!, new BinaryDecoder(stream));
        }
        catch (Exception ex) when (ex is not SerdeException and not OutOfMemoryException)
        {
            // Avro's messages may quote values (e.g. an unknown enum symbol), so they are not passed on.
            throw new SerdeException(
                SerdeErrorCode.WrongType,
                $"Data written with {writerSchema.Fullname} cannot be resolved to the reader schema ({ex.GetType().Name}).");
        }

        return GenericToJson.Convert(result) as JsonObject
            ?? throw new SerdeException(SerdeErrorCode.MalformedAvro, "Resolved Avro value is not a record.");
    }

    private static GenericDatumReader<GenericRecord> CreateResolvingReader(RecordSchema writerSchema, RecordSchema readerSchema)
    {
        try
        {
            // Preresolving reader: the schema comparison happens once here, not per record.
            return new GenericDatumReader<GenericRecord>(writerSchema, readerSchema);
        }
        catch (AvroException)
        {
            throw new SerdeException(
                SerdeErrorCode.WrongType,
                $"Reader schema {readerSchema.Fullname} cannot read data written with {writerSchema.Fullname}.");
        }
    }
}
