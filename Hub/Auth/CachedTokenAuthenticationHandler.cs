using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace LineaHub.Hub.Auth;

/// <summary>
/// The hub's default authentication scheme: a bearer token seen before (and not yet expired) is answered from the
/// <see cref="ValidatedTokenCache"/>; anything else, and every challenge and forbid, goes to OpenIddict's validation,
/// which decrypts and verifies the token and writes the error responses. Decrypting and verifying a token was about
/// a fifth of the hub's CPU time for a FAQ search (docs/benchmarks.md).
/// </summary>
public sealed class CachedTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LineaHub.CachedToken";
    public const string Inner = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = cache.Capacity > 0 ? TokenKey() : null;
        if (key is not null && cache.TryGet(key, out var principal))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Inner));
        }

        var result = await Context.AuthenticateAsync(Inner);
        if (key is not null && result.Succeeded && result.Principal.GetExpirationDate() is { } expiresAt)
        {
            cache.Add(key, result.Principal, expiresAt);
        }

        return result;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(Inner, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(Inner, properties);

    // The header form OpenIddict reads (it does not look at the query string or the body unless told to).
    private string? TokenKey()
    {
        var header = Request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value.AsSpan(BearerPrefix.Length).Trim();
        return token.IsEmpty ? null : ValidatedTokenCache.KeyOf(token);
    }
}
