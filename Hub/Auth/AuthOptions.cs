using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Fixed issuer URI; when empty the hub uses the URI it is reached at.</summary>
    public Uri? Issuer { get; set; }

    [Range(1, 60)]
    public int AccessTokenLifetimeMinutes { get; set; } = 10;

    /// <summary>Longest <c>exp</c> − now accepted in a client assertion (PDND uses a few minutes).</summary>
    [Range(10, 3600)]
    public int MaxAssertionLifetimeSeconds { get; set; } = 300;

    /// <summary>Allow plain HTTP on the token endpoint: only for a hub on loopback (demo, tests).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Access tokens each hub process keeps after validating them, until they expire, so that a node's next calls
    /// skip decrypting and verifying its token again; 0 validates every call.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheEntries { get; set; } = 10_000;

    /// <summary>Folder with the hub's token signing and encryption keys; defaults to <c>keys</c> in the data folder.
    /// Replicas of one hub must share it.</summary>
    public string? KeysDirectory { get; set; }
}
