using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Auth;

/// <summary>
/// Access tokens this hub process has already validated, each kept with its principal until the token expires. The
/// hub's tokens are self-contained (no token storage, so nothing can revoke one before it expires: a suspended node
/// is refused by <see cref="Nodes.NodeCallerFilter"/> on every call, whatever its token), so validating the same
/// token again can only give the same answer until its expiry. Entries are keyed by the SHA-256 of the token, so the
/// tokens themselves are not kept in memory.
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeProvider _time;

    public ValidatedTokenCache(IOptions<AuthOptions> options, TimeProvider time)
    {
        Capacity = options.Value.ValidatedTokenCacheEntries;
        _time = time;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, Capacity) });
    }

    /// <summary>How many validated tokens are kept at most; 0 turns the cache off.</summary>
    public int Capacity { get; }

    /// <summary>The key a token is kept under: its SHA-256, so that the cache never holds a token itself.</summary>
    public static string KeyOf(ReadOnlySpan<char> token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var buffer = length <= 8192 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, buffer);
        SHA256.HashData(buffer[..written], hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>The principal of an earlier validation of the token under <paramref name="key"/>, if the token has not expired since.</summary>
    public bool TryGet(string key, out ClaimsPrincipal principal)
    {
        if (Capacity > 0 && _entries.TryGetValue(key, out Entry? entry) && entry is not null && _time.GetUtcNow() < entry.ExpiresAt)
        {
            // Each request gets its own copy: nothing one request does to its principal reaches another.
            principal = entry.Principal.Clone();
            return true;
        }

        principal = null!;
        return false;
    }

    /// <summary>Keeps a successful validation of the token under <paramref name="key"/> until <paramref name="expiresAt"/>.</summary>
    public void Add(string key, ClaimsPrincipal principal, DateTimeOffset expiresAt)
    {
        var lifetime = expiresAt - _time.GetUtcNow();
        if (Capacity == 0 || lifetime <= TimeSpan.Zero)
        {
            return;
        }

        _entries.Set(key, new Entry(principal.Clone(), expiresAt), new MemoryCacheEntryOptions
        {
            // The cache's own clock only evicts; expiry is checked against the hub's clock in TryGet.
            AbsoluteExpirationRelativeToNow = lifetime,
            Size = 1,
        });
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
