using Avro;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Tests.Serdes;

public sealed class AvroSchemaCatalogTests
{
    // Known answers from Apache Avro's share/test/data/schema-tests.txt (input, Parsing Canonical
    // Form, CRC-64-AVRO fingerprint); the Java implementation cross-checks these with a direct
    // implementation of the algorithm, so they are the reference for every language.
    [Theory]
    [InlineData("\"null\"", "\"null\"", 7195948357588979594L)]
    [InlineData("{\"type\":\"null\"}", "\"null\"", 7195948357588979594L)]
    [InlineData("\"boolean\"", "\"boolean\"", -6970731678124411036L)]
    [InlineData("\"int\"", "\"int\"", 8247732601305521295L)]
    [InlineData("\"long\"", "\"long\"", -3434872931120570953L)]
    [InlineData("\"float\"", "\"float\"", 5583340709985441680L)]
    [InlineData("\"double\"", "\"double\"", -8181574048448539266L)]
    [InlineData("\"bytes\"", "\"bytes\"", 5746618253357095269L)]
    [InlineData("\"string\"", "\"string\"", -8142146995180207161L)]
    [InlineData("[ \"int\"  ]", "[\"int\"]", -5232228896498058493L)]
    [InlineData("[ \"int\" , {\"type\":\"boolean\"} ]", "[\"int\",\"boolean\"]", 5392556393470105090L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"namespace\":\"x.y\"}", "{\"name\":\"x.y.foo\",\"type\":\"record\",\"fields\":[]}", 5916914534497305771L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"a.b.foo\", \"namespace\":\"x.y\"}", "{\"name\":\"a.b.foo\",\"type\":\"record\",\"fields\":[]}", -4616218487480524110L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"doc\":\"foo\", \"aliases\":[\"foo\",\"bar\"]}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922L)]
    [InlineData("{\"fields\":[{\"type\":{\"type\":\"boolean\"}, \"name\":\"f1\"}], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[{\"name\":\"f1\",\"type\":\"boolean\"}]}", 7843277075252814651L)]
    [InlineData("{\"fields\":[{\"type\":\"boolean\", \"aliases\":[], \"name\":\"f1\", \"default\":true}, {\"order\":\"descending\",\"name\":\"f2\",\"doc\":\"Hello\",\"type\":\"int\"}], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[{\"name\":\"f1\",\"type\":\"boolean\"},{\"name\":\"f2\",\"type\":\"int\"}]}", -4860222112080293046L)]
    [InlineData("{\"type\":\"enum\", \"name\":\"foo\", \"symbols\":[\"A1\"]}", "{\"name\":\"foo\",\"type\":\"enum\",\"symbols\":[\"A1\"]}", -6342190197741309591L)]
    [InlineData("{\"namespace\":\"x.y.z\", \"type\":\"enum\", \"name\":\"foo\", \"doc\":\"foo bar\", \"symbols\":[\"A1\", \"A2\"]}", "{\"name\":\"x.y.z.foo\",\"type\":\"enum\",\"symbols\":[\"A1\",\"A2\"]}", -4448647247586288245L)]
    [InlineData("{\"name\":\"foo\",\"type\":\"fixed\",\"size\":15}", "{\"name\":\"foo\",\"type\":\"fixed\",\"size\":15}", 1756455273707447556L)]
    [InlineData("{\"namespace\":\"x.y.z\", \"type\":\"fixed\", \"name\":\"foo\", \"doc\":\"foo bar\", \"size\":32}", "{\"name\":\"x.y.z.foo\",\"type\":\"fixed\",\"size\":32}", -3064184465700546786L)]
    [InlineData("{ \"items\":{\"type\":\"null\"}, \"type\":\"array\"}", "{\"type\":\"array\",\"items\":\"null\"}", -589620603366471059L)]
    [InlineData("{ \"values\":\"string\", \"type\":\"map\"}", "{\"type\":\"map\",\"values\":\"string\"}", -8732877298790414990L)]
    [InlineData("{\"name\":\"PigValue\",\"type\":\"record\", \"fields\":[{\"name\":\"value\", \"type\":[\"null\", \"int\", \"long\", \"PigValue\"]}]}", "{\"name\":\"PigValue\",\"type\":\"record\",\"fields\":[{\"name\":\"value\",\"type\":[\"null\",\"int\",\"long\",\"PigValue\"]}]}", -1759257747318642341L)]
    public void Fingerprint_AvroSpecTestVectors_MatchKnownAnswers(string schemaJson, string canonical, long expected)
    {
        var schema = Schema.Parse(schemaJson);

        Assert.Equal(canonical, SchemaNormalization.ToParsingForm(schema));
        Assert.Equal(expected, AvroSchemaCatalog.Fingerprint(schema));
    }

    [Fact]
    public void Fingerprint_NestedNamedTypes_CanonicalFormUsesFullNames()
    {
        // Our schemas nest records and enums that inherit the namespace; the canonical form must
        // spell them with full names, as other languages' writers will.
        var schema = AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + "Alert");

        var canonical = SchemaNormalization.ToParsingForm(schema);

        Assert.Contains("\"name\":\"io.streamprivacy.v1.ModelRef\"", canonical, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"io.streamprivacy.v1.AlertState\"", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("\"doc\"", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("\"default\"", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_NullSchema_MatchesUnsignedHexFromSpec()
    {
        Assert.Equal(0x63dd24e7cc258f8aUL, (ulong)AvroSchemaCatalog.Fingerprint(Schema.Parse("\"null\"")));
    }

    [Fact]
    public void Default_EverySchemaFile_ParsesAndIsRegistered()
    {
        var files = Directory.GetFiles(TestSchemas.Directory, "*.avsc", SearchOption.AllDirectories);
        Assert.Equal(13, files.Length);
        foreach (var file in files)
        {
            var schema = Assert.IsType<RecordSchema>(Schema.Parse(File.ReadAllText(file)));
            Assert.True(
                AvroSchemaCatalog.Default.TryGetByFingerprint(AvroSchemaCatalog.Fingerprint(schema), out var registered),
                $"{Path.GetFileName(file)} is not in the catalogue");
            Assert.Equal(schema.Fullname, registered.Fullname);
        }

        Assert.Equal(files.Length, AvroSchemaCatalog.Default.AllSchemas.Count);
        Assert.Equal(files.Length - 4, AvroSchemaCatalog.Default.CurrentSchemas.Count);
    }

    [Fact]
    public void Default_EverySchemaAndField_HasDoc()
    {
        foreach (var schema in AvroSchemaCatalog.Default.AllSchemas)
        {
            AssertDocumented(schema, new HashSet<string>());
        }
    }

    [Fact]
    public void Default_EveryCurrentSchema_UsesProjectNamespace()
    {
        Assert.All(AvroSchemaCatalog.Default.CurrentSchemas, s => Assert.Equal("io.streamprivacy.v1", s.Namespace));
        Assert.Equal(
            SampleEvents.EventSchemaNames.Select(n => SampleEvents.Ns + n).Order(),
            AvroSchemaCatalog.Default.CurrentSchemas.Select(s => s.Fullname).Order());
    }

    [Fact]
    public void GetByName_RawInferenceEvent_ReturnsVersion2WithTraceId()
    {
        var schema = AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + "RawInferenceEvent");

        Assert.Contains(schema.Fields, f => f.Name == "trace_id");
    }

    [Fact]
    public void TryGetByFingerprint_HistoryV1_ReturnsOlderVersion()
    {
        var v1 = LoadV1();

        Assert.True(AvroSchemaCatalog.Default.TryGetByFingerprint(AvroSchemaCatalog.Fingerprint(v1), out var found));
        Assert.DoesNotContain(found.Fields, f => f.Name == "trace_id");
        Assert.NotEqual(
            AvroSchemaCatalog.Fingerprint(v1),
            AvroSchemaCatalog.Fingerprint(AvroSchemaCatalog.Default.GetByName(v1.Fullname)));
    }

    [Fact]
    public void GetByName_UnknownName_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => AvroSchemaCatalog.Default.GetByName("io.streamprivacy.v1.Nope"));
    }

    [Fact]
    public void Load_SchemasDirectory_MatchesEmbeddedCatalog()
    {
        var fromDisk = AvroSchemaCatalog.Load(TestSchemas.Directory);

        Assert.Equal(
            AvroSchemaCatalog.Default.AllSchemas.Select(AvroSchemaCatalog.Fingerprint).Order(),
            fromDisk.AllSchemas.Select(AvroSchemaCatalog.Fingerprint).Order());
    }

    [Fact]
    public void Load_DuplicateCurrentSchema_ThrowsInvalidData()
    {
        var dir = Directory.CreateTempSubdirectory("sp-schemas-");
        try
        {
            var text = File.ReadAllText(Path.Combine(TestSchemas.Directory, "alert.avsc"));
            File.WriteAllText(Path.Combine(dir.FullName, "a.avsc"), text);
            File.WriteAllText(Path.Combine(dir.FullName, "b.avsc"), text);

            Assert.Throws<InvalidDataException>(() => AvroSchemaCatalog.Load(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static RecordSchema LoadV1() =>
        (RecordSchema)Schema.Parse(File.ReadAllText(Path.Combine(TestSchemas.Directory, "history", "raw_inference_event.v1.avsc")));

    private static void AssertDocumented(Schema schema, HashSet<string> seen)
    {
        switch (schema)
        {
            case RecordSchema record:
                if (!seen.Add(record.Fullname))
                {
                    return;
                }

                Assert.False(string.IsNullOrWhiteSpace(record.Documentation), $"{record.Fullname} has no doc");
                foreach (var field in record.Fields)
                {
                    Assert.False(string.IsNullOrWhiteSpace(field.Documentation), $"{record.Fullname}.{field.Name} has no doc");
                    AssertDocumented(field.Schema, seen);
                }

                break;
            case EnumSchema e:
                Assert.False(string.IsNullOrWhiteSpace(e.Documentation), $"{e.Fullname} has no doc");
                break;
            case UnionSchema union:
                foreach (var branch in union.Schemas)
                {
                    AssertDocumented(branch, seen);
                }

                break;
            case ArraySchema array:
                AssertDocumented(array.ItemSchema, seen);
                break;
            case MapSchema map:
                AssertDocumented(map.ValueSchema, seen);
                break;
        }
    }
}
