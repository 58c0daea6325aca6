using System.Security.Cryptography;
using System.Text.Json;
using LineaHub.Schemas.Auth;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.NodeAgent.Join;

/// <summary>
/// One of the agent's own P-256 key pairs: signing (client assertions, ES256) or encryption
/// (ECDH-ES for overflow contact data). The private half never leaves the data folder.
/// </summary>
public sealed class AgentKey : IDisposable
{
    private AgentKey(ECDsa key, string use)
    {
        Key = key;
        Use = use;
        Public = ToPublic(key, use);
        KeyId = Public.Thumbprint();
    }

    public ECDsa Key { get; }

    public string Use { get; }

    public PublicJwk Public { get; }

    /// <summary>RFC 7638 thumbprint, the same the hub computes.</summary>
    public string KeyId { get; }

    public static AgentKey Generate(string use) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), use);

    public SigningCredentials SigningCredentials() =>
        new(new ECDsaSecurityKey(Key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256)
        {
            // IdentityModel caches signature providers by key id; this key is loaded and disposed per use,
            // so a cached provider would outlive the ECDsa it wraps.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };

    public static async Task<AgentKey> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var stored = JsonSerializer.Deserialize<StoredKey>(await File.ReadAllTextAsync(path, cancellationToken))
            ?? throw new InvalidDataException($"Key file {path} is empty.");
        var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Base64UrlEncoder.DecodeBytes(stored.D),
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(stored.X), Y = Base64UrlEncoder.DecodeBytes(stored.Y) },
        });
        return new AgentKey(key, stored.Use);
    }

    public Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var parameters = Key.ExportParameters(includePrivateParameters: true);
        var stored = new StoredKey(
            "EC",
            PublicJwk.Curve,
            Base64UrlEncoder.Encode(parameters.Q.X),
            Base64UrlEncoder.Encode(parameters.Q.Y),
            Base64UrlEncoder.Encode(parameters.D),
            Use,
            KeyId);
        return PrivateFiles.WriteAsync(path, JsonSerializer.Serialize(stored), cancellationToken);
    }

    public void Dispose() => Key.Dispose();

    private static PublicJwk ToPublic(ECDsa key, string use)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var jwk = new PublicJwk("EC", PublicJwk.Curve, Base64UrlEncoder.Encode(parameters.Q.X), Base64UrlEncoder.Encode(parameters.Q.Y), use, null,
            use == PublicJwk.UseSignature ? SecurityAlgorithms.EcdsaSha256 : "ECDH-ES");
        return jwk with { Kid = jwk.Thumbprint() };
    }

    private sealed record StoredKey(
        [property: System.Text.Json.Serialization.JsonPropertyName("kty")] string Kty,
        [property: System.Text.Json.Serialization.JsonPropertyName("crv")] string Crv,
        [property: System.Text.Json.Serialization.JsonPropertyName("x")] string X,
        [property: System.Text.Json.Serialization.JsonPropertyName("y")] string Y,
        [property: System.Text.Json.Serialization.JsonPropertyName("d")] string D,
        [property: System.Text.Json.Serialization.JsonPropertyName("use")] string Use,
        [property: System.Text.Json.Serialization.JsonPropertyName("kid")] string Kid);
}
