using System.Text;
using KubeBind.Api.Naming;

namespace KubeBind.Api.Tests.Naming;

public sealed class Sha224Tests
{
    // FIPS 180-4 example vectors (NIST CSRC "SHA224.pdf") and the one-million-'a' vector.
    public static TheoryData<string, string> NistVectors => new()
    {
        { "", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f" },
        { "abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525" },
        { new string('a', 1_000_000), "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67" },
    };

    [Theory]
    [MemberData(nameof(NistVectors))]
    public void Hash_MatchesNist_WhenGivenStandardVector(string message, string expectedHex)
    {
        var digest = Sha224.Hash(Encoding.ASCII.GetBytes(message));

        Assert.Equal(expectedHex, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Hash_MatchesPython_WhenLengthCrossesEveryPaddingBoundary()
    {
        // Lengths 0..200 cover the one- and two-block padding cases (55, 56, 63, 64, 119, 120, ...).
        var lines = Enumerable.Range(0, 201).Select(n => Convert.ToHexStringLower(Sha224.Hash(Message(n)))).ToList();

        var expected = ExternalTools.Python(
            "import hashlib\n" +
            "for n in range(201): print(hashlib.sha224(bytes((i * 7 + 3) % 256 for i in range(n))).hexdigest())");

        Assert.Equal(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), lines);
    }

    private static byte[] Message(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7 + 3) % 256))];
}
