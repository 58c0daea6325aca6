using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LineaHub.Hub.Idempotency;

/// <summary>
/// SHA-256 of what makes a request that request: its route values, its query and its body. A retry has the
/// same fingerprint; another request sent under the same key does not.
/// </summary>
public static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, value) in request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Append(hash, name);
            Append(hash, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        Append(hash, request.QueryString.Value ?? string.Empty);

        // Model binding has read the body already; the endpoint enabled buffering so it can be read again.
        var body = request.Body;
        if (!body.CanSeek)
        {
            throw new InvalidOperationException("The request body is not buffered: apply idempotency with WithIdempotency().");
        }

        body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Length-prefixed, so that one part cannot run into the next.</summary>
    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
