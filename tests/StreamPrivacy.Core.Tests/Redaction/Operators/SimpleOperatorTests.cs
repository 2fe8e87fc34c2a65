using System.Text;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class SimpleOperatorTests
{
    [Fact]
    public void Replace_Default_WritesEntityTypePlaceholder() =>
        Assert.Equal("<EMAIL_ADDRESS>", new ReplaceOperator().Apply("alice@example.com", "EMAIL_ADDRESS"));

    [Fact]
    public void Replace_NewValue_WritesNewValue() =>
        Assert.Equal("[email]", new ReplaceOperator("[email]").Apply("alice@example.com", "EMAIL_ADDRESS"));

    [Fact]
    public void Replace_Apply_AppendsWithoutTouchingExistingOutput()
    {
        var output = new StringBuilder("to: ");
        new ReplaceOperator().Apply("alice@example.com", "EMAIL_ADDRESS", output);
        Assert.Equal("to: <EMAIL_ADDRESS>", output.ToString());
    }

    [Fact]
    public void Redact_AnyValue_WritesNothing()
    {
        var output = new StringBuilder("x");
        new RedactOperator().Apply("alice@example.com", "EMAIL_ADDRESS", output);
        Assert.Equal("x", output.ToString());
    }

    [Fact]
    public void Keep_AnyValue_WritesValueUnchanged() =>
        Assert.Equal("support@example.com", new KeepOperator().Apply("support@example.com", "EMAIL_ADDRESS"));

    [Fact]
    public void Drop_Apply_ThrowsAndWritesNothing()
    {
        var output = new StringBuilder();
        Assert.Throws<InvalidOperationException>(() => new DropOperator().Apply("secret", "FIELD", output));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Kind_EachOperator_ReportsItsKind()
    {
        Assert.Equal(OperatorKind.Replace, new ReplaceOperator().Kind);
        Assert.Equal(OperatorKind.Redact, new RedactOperator().Kind);
        Assert.Equal(OperatorKind.Mask, new MaskOperator().Kind);
        Assert.Equal(OperatorKind.Keep, new KeepOperator().Kind);
        Assert.Equal(OperatorKind.Drop, new DropOperator().Kind);
        Assert.Equal(OperatorKind.Generalize, GeneralizeOperator.PostcodeTruncate(3).Kind);
    }
}
