using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LineaHub.Schemas.Handover;

/// <summary>
/// The Concat KDF of NIST SP 800-56A with SHA-256, as JOSE uses it for ECDH-ES (RFC 7518 §4.6.2).
/// Public so that it can be checked against the RFC's vector on its own (tests/Schemas.Tests/Handover).
/// </summary>
public static class ConcatKdf
{
    /// <summary>
    /// Derives <paramref name="keyBits"/> bits of key from the shared secret Z. OtherInfo is
    /// AlgorithmID || PartyUInfo || PartyVInfo || SuppPubInfo (the key length in bits), each but the
    /// last prefixed by its 32-bit big-endian length; SuppPrivInfo is empty.
    /// </summary>
    /// <param name="algorithmId">The <c>enc</c> value for direct key agreement, otherwise <c>alg</c>.</param>
    /// <param name="partyUInfo">The decoded <c>apu</c>, empty when absent.</param>
    /// <param name="partyVInfo">The decoded <c>apv</c>, empty when absent.</param>
    public static byte[] DeriveKey(
        ReadOnlySpan<byte> sharedSecret,
        int keyBits,
        string algorithmId,
        ReadOnlySpan<byte> partyUInfo,
        ReadOnlySpan<byte> partyVInfo)
    {
        ArgumentNullException.ThrowIfNull(algorithmId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyBits);
        if (keyBits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keyBits), keyBits, "The key length must be a whole number of bytes.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var key = new byte[keyBits / 8];
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        for (var (counter, written) = (1u, 0); written < key.Length; counter++, written += digest.Length)
        {
            AppendUInt32(hash, counter);
            hash.AppendData(sharedSecret);
            AppendPrefixed(hash, Encoding.ASCII.GetBytes(algorithmId));
            AppendPrefixed(hash, partyUInfo);
            AppendPrefixed(hash, partyVInfo);
            AppendUInt32(hash, (uint)keyBits);
            hash.GetHashAndReset(digest);
            digest[..Math.Min(digest.Length, key.Length - written)].CopyTo(key.AsSpan(written));
        }

        CryptographicOperations.ZeroMemory(digest);
        return key;
    }

    private static void AppendPrefixed(IncrementalHash hash, ReadOnlySpan<byte> data)
    {
        AppendUInt32(hash, (uint)data.Length);
        hash.AppendData(data);
    }

    private static void AppendUInt32(IncrementalHash hash, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
