using System.Text;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Tests.Redaction;

public sealed class Utf8MemoTests
{
    [Fact]
    public void Admit_StoresOnlyKeysOfferedTwice()
    {
        var memo = new Utf8Memo<string>(16);
        var key = "credit-risk"u8;
        var hash = memo.Hash(key);
        Assert.False(memo.Admit(hash));
        Assert.True(memo.Admit(hash));
        memo.Add(key, hash, "v");
        Assert.True(memo.TryGet(key, out var value));
        Assert.Equal("v", value);
        Assert.False(memo.TryGet("credit-risks"u8, out _));
        Assert.False(memo.TryGet("credit-ris"u8, out _));
    }

    [Fact]
    public void TryGet_ManyKeys_NeverReturnsAnotherKeysValue()
    {
        var memo = new Utf8Memo<string>(8);
        for (var i = 0; i < 5_000; i++)
        {
            var key = Encoding.UTF8.GetBytes("key-" + i);
            memo.Add(key, memo.Hash(key), "key-" + i);
        }

        var hits = 0;
        for (var i = 0; i < 5_000; i++)
        {
            if (memo.TryGet(Encoding.UTF8.GetBytes("key-" + i), out var value))
            {
                Assert.Equal("key-" + i, value);
                hits++;
            }
        }

        Assert.InRange(hits, 1, 16); // fixed size: at most two entries per set survive
    }

    [Fact]
    public void Add_TwoKeysOfOneSet_BothKept()
    {
        var memo = new Utf8Memo<int>(1);
        memo.Add("a"u8, memo.Hash("a"u8), 1);
        memo.Add("b"u8, memo.Hash("b"u8), 2);
        Assert.True(memo.TryGet("a"u8, out var a) && a == 1);
        Assert.True(memo.TryGet("b"u8, out var b) && b == 2);
        memo.Add("c"u8, memo.Hash("c"u8), 3);
        Assert.False(memo.TryGet("a"u8, out _));
    }
}
