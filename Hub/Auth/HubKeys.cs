using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.Hub.Auth;

/// <summary>
/// The hub's own token keys: RSA for signing access tokens, AES for encrypting them. Created once in
/// the keys folder (readable only by the hub's user) and reused, so tokens survive a restart.
/// </summary>
public sealed class HubKeys
{
    private const string FileName = "hub-token-keys.json";

    private HubKeys(RsaSecurityKey signingKey, SymmetricSecurityKey encryptionKey)
    {
        SigningKey = signingKey;
        EncryptionKey = encryptionKey;
    }

    public RsaSecurityKey SigningKey { get; }

    public SymmetricSecurityKey EncryptionKey { get; }

    public static HubKeys LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The key file {path} is empty.");
        var rsa = RSA.Create();
        rsa.ImportFromPem(stored.SigningKeyPem);
        return new HubKeys(
            new RsaSecurityKey(rsa) { KeyId = stored.SigningKeyId },
            new SymmetricSecurityKey(Convert.FromBase64String(stored.EncryptionKey)) { KeyId = stored.EncryptionKeyId });
    }

    private static void TryCreate(string path)
    {
        using var rsa = RSA.Create(2048);
        var stored = new StoredKeys(
            rsa.ExportPkcs8PrivateKeyPem(),
            Guid.NewGuid().ToString("N"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Guid.NewGuid().ToString("N"));

        // Written aside and moved without overwrite: two replicas starting together keep the first file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(stored));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private sealed record StoredKeys(string SigningKeyPem, string SigningKeyId, string EncryptionKey, string EncryptionKeyId);
}
