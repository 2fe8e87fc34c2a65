using System.Text;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class OperatorLeakTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -@.+_éßü";

    private static readonly SecretKey Key = new([.. Enumerable.Range(100, 32).Select(i => (byte)i)], "leak-test");

    public static TheoryData<string> NonKeepOperators => new()
    {
        "replace", "redact", "mask", "mask-first-3", "mask-last-3", "hash", "encrypt", "bucket", "date", "postcode",
    };

    [Theory]
    [MemberData(nameof(NonKeepOperators))]
    public void Apply_RandomInputs_OutputNeverContainsInput(string name)
    {
        var op = Build(name);
        var random = new Random(20261120); // fixed seed: reproducible; not security-relevant
        for (var i = 0; i < 500; i++)
        {
            var value = RandomValue(random);
            var output = op.Apply(value, "FIELD");
            Assert.DoesNotContain(value, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Apply_Keep_IsTheOnlyOperatorThatEmitsInput() =>
        Assert.Equal("alice@example.com", new KeepOperator().Apply("alice@example.com", "FIELD"));

    private static RedactionOperator Build(string name) => name switch
    {
        "replace" => new ReplaceOperator(),
        "redact" => new RedactOperator(),
        "mask" => new MaskOperator(),
        "mask-first-3" => new MaskOperator('*', 3),
        "mask-last-3" => new MaskOperator('*', 3, fromEnd: true),
        "hash" => new HashOperator(Key),
        "encrypt" => new EncryptOperator(Key),
        "bucket" => GeneralizeOperator.NumericBucket(10),
        "date" => GeneralizeOperator.DateTruncate(DateTruncateUnit.Month),
        "postcode" => GeneralizeOperator.PostcodeTruncate(3),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string RandomValue(Random random)
    {
        // 8..40 characters, occasionally with a surrogate pair; never all '*' (the mask character).
        var builder = new StringBuilder();
        var length = random.Next(8, 41);
        while (builder.Length < length)
        {
            if (random.Next(20) == 0)
            {
                builder.Append("\U0001F600");
            }
            else
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return builder.ToString();
    }
}
