using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using LineaHub.Schemas.Handover;

namespace LineaHub.Schemas.Tests.Handover;

public sealed class ConcatKdfTests
{
    // RFC 7518 Appendix C: ECDH-ES with A128GCM, apu "Alice", apv "Bob".
    private static readonly ECParameters Alice = Key(
        "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0", "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps", "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo");

    private static readonly ECParameters Bob = Key(
        "weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ", "e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck", "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw");

    private static readonly byte[] Z =
        [158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196];

    [Fact]
    public void Shared_secret_of_the_rfc7518_keys_is_the_rfc_value_from_both_sides()
    {
        using var alice = ECDiffieHellman.Create(Alice);
        using var bob = ECDiffieHellman.Create(Bob);

        Assert.Equal(Z, alice.DeriveRawSecretAgreement(bob.PublicKey));
        Assert.Equal(Z, bob.DeriveRawSecretAgreement(alice.PublicKey));
    }

    [Fact]
    public void Derives_the_rfc7518_appendix_c_key()
    {
        var key = ConcatKdf.DeriveKey(Z, 128, "A128GCM", Encoding.ASCII.GetBytes("Alice"), Encoding.ASCII.GetBytes("Bob"));

        Assert.Equal("VqqN6vgjbSBcIijNcacQGg", Base64Url.EncodeToString(key));
    }

    [Fact]
    public void Longer_keys_continue_the_counter_and_keep_the_first_block()
    {
        var shorter = ConcatKdf.DeriveKey(Z, 256, "X", [], []);
        var longer = ConcatKdf.DeriveKey(Z, 512, "X", [], []);

        Assert.Equal(64, longer.Length);
        Assert.NotEqual(shorter, longer[..32]); // the key length is part of OtherInfo
        Assert.NotEqual(longer[..32], longer[32..]);
    }

    [Fact]
    public void Key_length_must_be_whole_bytes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConcatKdf.DeriveKey(Z, 0, "A256GCM", [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConcatKdf.DeriveKey(Z, 129, "A256GCM", [], []));
    }

    private static ECParameters Key(string x, string y, string d) => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) },
        D = Base64Url.DecodeFromChars(d),
    };
}
