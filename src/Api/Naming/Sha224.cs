using System.Buffers.Binary;
using System.Numerics;

namespace KubeBind.Api.Naming;

/// <summary>SHA-224 as defined in FIPS 180-4 §6.3: SHA-256 with other initial values, truncated to 28 bytes.</summary>
/// <remarks>.NET has no SHA-224, and upstream derives contract namespace names from it.</remarks>
internal static class Sha224
{
    /// <summary>The length of a SHA-224 digest in bytes.</summary>
    public const int HashSizeInBytes = 28;

    // FIPS 180-4 §5.3.2: the second 32 bits of the fractional parts of the square roots of the 9th..16th primes.
    private static readonly uint[] InitialHash =
    [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    ];

    // FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Computes the SHA-224 digest of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        Span<uint> h = stackalloc uint[8];
        InitialHash.CopyTo(h);
        Span<uint> w = stackalloc uint[64];

        var fullBlocks = data.Length / 64;
        for (var i = 0; i < fullBlocks; i++)
        {
            Compress(h, w, data.Slice(i * 64, 64));
        }

        // §5.1.1 padding: a 1 bit, zeros, then the message length in bits as a 64-bit big-endian integer.
        var remainder = data[(fullBlocks * 64)..];
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        remainder.CopyTo(tail);
        tail[remainder.Length] = 0x80;
        var tailLength = remainder.Length + 1 + 8 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += 64)
        {
            Compress(h, w, tail.Slice(offset, 64));
        }

        var digest = new byte[HashSizeInBytes];
        for (var i = 0; i < HashSizeInBytes / 4; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), h[i]);
        }

        return digest;
    }

    // FIPS 180-4 §6.2.2, steps 1-4, for one 512-bit block.
    private static void Compress(Span<uint> h, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = unchecked(s1 + w[t - 7] + s0 + w[t - 16]);
        }

        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (var t = 0; t < 64; t++)
        {
            var sigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = unchecked(hh + sigma1 + choose + K[t] + w[t]);
            var sigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = unchecked(sigma0 + majority);
            hh = g;
            g = f;
            f = e;
            e = unchecked(d + t1);
            d = c;
            c = b;
            b = a;
            a = unchecked(t1 + t2);
        }

        h[0] = unchecked(h[0] + a);
        h[1] = unchecked(h[1] + b);
        h[2] = unchecked(h[2] + c);
        h[3] = unchecked(h[3] + d);
        h[4] = unchecked(h[4] + e);
        h[5] = unchecked(h[5] + f);
        h[6] = unchecked(h[6] + g);
        h[7] = unchecked(h[7] + hh);
    }
}
