using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class OperatorFactoryTests
{
    private static readonly SecretKey PiiKey = new([.. Enumerable.Range(0, 32).Select(i => (byte)i)], "pii-2026");

    private static SecretKey Resolve(string name) =>
        name == "pii" ? PiiKey : throw new KeyNotFoundException($"no key named {name}");

    [Fact]
    public void Create_EachKind_BuildsMatchingOperator()
    {
        Assert.IsType<ReplaceOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Replace), Resolve));
        Assert.IsType<RedactOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Redact), Resolve));
        Assert.IsType<MaskOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Mask), Resolve));
        Assert.IsType<HashOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Hash, KeyName: "pii"), Resolve));
        Assert.IsType<EncryptOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Encrypt, KeyName: "pii"), Resolve));
        Assert.IsType<KeepOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Keep), Resolve));
        Assert.IsType<DropOperator>(OperatorFactory.Create(new OperatorSpec(OperatorKind.Drop), Resolve));
    }

    [Fact]
    public void Create_Options_AreHonoured()
    {
        Assert.Equal("[x]", OperatorFactory.Create(new OperatorSpec(OperatorKind.Replace, NewValue: "[x]"), Resolve).Apply("v", "E"));
        Assert.Equal("ab##", OperatorFactory.Create(new OperatorSpec(OperatorKind.Mask, MaskingChar: '#', CharsToMask: 2, FromEnd: true), Resolve).Apply("abcd", "E"));
        Assert.Equal("hmac:pii-2026:pZ_FeNTLRvqrHW6zSOfHSw", OperatorFactory.Create(new OperatorSpec(OperatorKind.Hash, KeyName: "pii"), Resolve).Apply("alice@example.com", "E"));
        Assert.Equal("[30,40)", Generalize(GeneralizeMode.NumericBucket, BucketWidth: 10).Apply("34", "AGE"));
        Assert.Equal("[0.2,0.3)", Generalize(GeneralizeMode.NumericBucket, BucketWidth: 0.1).Apply("0.25", "AGE"));
        Assert.Equal("[13,18)", Generalize(GeneralizeMode.NumericBucket, BucketWidth: 5, BucketOrigin: 3).Apply("17", "AGE"));
        Assert.Equal("2026-11", Generalize(GeneralizeMode.DateTruncate, DateUnit: "Month").Apply("2026-11-20", "D"));
        Assert.Equal("SW1A", Generalize(GeneralizeMode.PostcodeTruncate, KeepChars: 4).Apply("SW1A 1AA", "P"));
    }

    [Theory]
    [InlineData("mask: chars_to_mask must be >= 1")]
    public void Validate_MaskCharsToMaskZero_NamesTheProblem(string expected) =>
        AssertInvalid(new OperatorSpec(OperatorKind.Mask, CharsToMask: 0), expected);

    [Fact]
    public void Validate_InvalidSpecs_NameTheProblem()
    {
        AssertInvalid(new OperatorSpec(OperatorKind.Mask, MaskingChar: '\n'), "mask: masking_char");
        AssertInvalid(new OperatorSpec(OperatorKind.Hash), "hash: key_name is required");
        AssertInvalid(new OperatorSpec(OperatorKind.Encrypt, KeyName: " "), "encrypt: key_name is required");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize), "generalize: generalize_mode is required");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.NumericBucket), "generalize/numeric_bucket: bucket_width is required");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.NumericBucket, BucketWidth: 0), "bucket_width must be a positive finite number");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.NumericBucket, BucketWidth: double.NaN), "bucket_width must be a positive finite number");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.NumericBucket, BucketWidth: 1e300), "bucket_width must be a positive finite number");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.NumericBucket, BucketWidth: 1, BucketOrigin: double.PositiveInfinity), "bucket_origin must be a finite number");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.DateTruncate), "generalize/date_truncate: date_unit is required");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.DateTruncate, DateUnit: "week"), "date_unit must be year, month, day or hour, not 'week'");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.DateTruncate, DateUnit: "1"), "date_unit must be");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.PostcodeTruncate), "generalize/postcode_truncate: keep_chars is required");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.PostcodeTruncate, KeepChars: 0), "keep_chars must be >= 1");
        AssertInvalid(new OperatorSpec((OperatorKind)99), "unknown operator kind");
    }

    [Fact]
    public void Validate_OptionsThatDoNotApply_AreRejected()
    {
        AssertInvalid(new OperatorSpec(OperatorKind.Redact, NewValue: "x"), "redact: new_value does not apply");
        AssertInvalid(new OperatorSpec(OperatorKind.Replace, CharsToMask: 3), "replace: chars_to_mask does not apply");
        AssertInvalid(new OperatorSpec(OperatorKind.Hash, KeyName: "pii", FromEnd: true), "hash: from_end does not apply");
        AssertInvalid(new OperatorSpec(OperatorKind.Mask, KeyName: "pii"), "mask: key_name does not apply");
        AssertInvalid(new OperatorSpec(OperatorKind.Keep, GeneralizeMode: GeneralizeMode.DateTruncate), "keep: generalize_mode does not apply");
        AssertInvalid(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: GeneralizeMode.DateTruncate, DateUnit: "day", KeepChars: 3), "generalize/date_truncate: keep_chars does not apply");
        AssertInvalid(new OperatorSpec(OperatorKind.Drop, BucketWidth: 1), "drop: bucket_width does not apply");
    }

    [Fact]
    public void Create_UnknownKeyName_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => OperatorFactory.Create(new OperatorSpec(OperatorKind.Hash, KeyName: "missing"), Resolve));
        Assert.Contains("hash: key 'missing' could not be loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ResolverReturnsNull_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => OperatorFactory.Create(new OperatorSpec(OperatorKind.Encrypt, KeyName: "pii"), _ => null!));
        Assert.Contains("encrypt: key 'pii' is not configured", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnkeyedKind_NeverCallsResolver() =>
        OperatorFactory.Create(new OperatorSpec(OperatorKind.Mask), _ => throw new InvalidOperationException("must not be called"));

    private static RedactionOperator Generalize(GeneralizeMode mode, double? BucketWidth = null, double? BucketOrigin = null, string? DateUnit = null, int? KeepChars = null) =>
        OperatorFactory.Create(new OperatorSpec(OperatorKind.Generalize, GeneralizeMode: mode, BucketWidth: BucketWidth, BucketOrigin: BucketOrigin, DateUnit: DateUnit, KeepChars: KeepChars), Resolve);

    private static void AssertInvalid(OperatorSpec spec, string expectedFragment)
    {
        var ex = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OperatorFactory.Create(spec, Resolve));
    }
}
