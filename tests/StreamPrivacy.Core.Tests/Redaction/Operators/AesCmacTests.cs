using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class AesCmacTests
{
    // RFC 4493 §4 test vectors (AES-128 key, prefixes of one 64-byte message).
    private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";

    private const string Message =
        "6bc1bee22e409f96e93d7e117393172a" +
        "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" +
        "f69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    [InlineData(0, "bb1d6929e95937287fa37d129b756746")]
    [InlineData(16, "070a16b46b4d4144f79bdd9dd04a287c")]
    [InlineData(40, "dfa66747de9ae63030ca32611497c827")]
    [InlineData(64, "51f0bebf7e3b9d92fc49741779363cfe")]
    public void Compute_Rfc4493Vectors_MatchKnownAnswer(int messageLength, string expectedHex)
    {
        using var cmac = new AesCmac(Convert.FromHexString(Key));
        var mac = new byte[AesCmac.MacSize];
        cmac.Compute(Convert.FromHexString(Message).AsSpan(0, messageLength), mac);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(mac));
    }

    [Fact]
    public void Dbl_HighBitSet_FoldsInReductionPolynomial()
    {
        // dbl(0x80 00..00) = 0x00..87 (RFC 5297 §2.3: shift left, xor 0x87 when the msb was set).
        var block = new byte[16];
        block[0] = 0x80;
        AesCmac.Dbl(block, block);
        Assert.Equal("00000000000000000000000000000087", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Constructor_WrongKeyLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new AesCmac(new byte[15]));
}
