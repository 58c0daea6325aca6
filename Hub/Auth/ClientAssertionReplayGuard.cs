using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Abstractions;
using Claims = OpenIddict.Abstractions.OpenIddictConstants.Claims;
using OAuthErrors = OpenIddict.Abstractions.OpenIddictConstants.Errors;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace LineaHub.Hub.Auth;

/// <summary>
/// Refuses a client assertion seen before (same <c>iss</c> and <c>jti</c>), one without <c>jti</c>, and
/// one that lives longer than allowed, as PDND requires. OpenIddict validates signature, issuer,
/// audience and expiry but keeps no record of assertions. The record is a row with a unique key, so
/// the guard holds across hub replicas sharing one database.
/// </summary>
public sealed class ClientAssertionReplayGuard(
    HubDbContext db,
    TimeProvider clock,
    IOptions<AuthOptions> options) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionPrincipal>()
            .UseScopedHandler<ClientAssertionReplayGuard>()
            // After every built-in authentication handler: only an assertion whose signature, issuer,
            // audience and expiry were accepted is recorded, so a forged one cannot burn a jti.
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        var principal = context.ClientAssertionPrincipal!;
        var jti = principal.GetClaim(Claims.JwtId);
        var issuer = principal.GetClaim(Claims.Issuer);
        if (string.IsNullOrEmpty(jti) || string.IsNullOrEmpty(issuer) || jti.Length > 200)
        {
            context.Reject(OAuthErrors.InvalidClient, "The client assertion must carry a 'jti' claim of at most 200 characters.");
            return;
        }

        if (!long.TryParse(principal.GetClaim(Claims.ExpiresAt), out var expiresAt))
        {
            context.Reject(OAuthErrors.InvalidClient, "The client assertion must carry a numeric 'exp' claim.");
            return;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (expiresAt - now > options.Value.MaxAssertionLifetimeSeconds)
        {
            context.Reject(OAuthErrors.InvalidClient,
                $"The client assertion expires too far in the future (at most {options.Value.MaxAssertionLifetimeSeconds} seconds).");
            return;
        }

        // One statement: the first presentation inserts the row, a replay inserts nothing.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO used_client_assertions (client_id, jti, expires_at_unix_seconds) VALUES ({issuer}, {jti}, {expiresAt}) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (inserted == 0)
        {
            context.Reject(OAuthErrors.InvalidClient, "The client assertion was already used: sign a new one with a fresh 'jti'.");
        }
    }
}
