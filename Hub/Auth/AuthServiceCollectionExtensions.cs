using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace LineaHub.Hub.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddHubAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var allowInsecureHttp = builder.Configuration.GetValue<bool>($"{AuthOptions.Section}:{nameof(AuthOptions.AllowInsecureHttp)}");

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AuthOptions>>().Value;
            var directory = options.KeysDirectory ?? Path.Combine(provider.GetRequiredService<HubDataDirectory>().Path, "keys");
            return HubKeys.LoadOrCreate(directory);
        });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<HubDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenApi.Path.TrimStart('/'));

                // Machines only: nodes and admin tools. No user-facing flows, so no authorization endpoint.
                server.AllowClientCredentialsFlow();
                server.RegisterScopes(HubScopes.Node, HubScopes.Admin, HubScopes.Analytics, HubScopes.FaqEditor);

                // Tokens are short-lived and a suspended node is refused on every call (see NodeCallerFilter),
                // so storing each token for revocation would only grow a table.
                server.DisableTokenStorage();
                server.DisableAuthorizationStorage();

                server.AddEventHandler(ClientAssertionReplayGuard.Descriptor);

                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (allowInsecureHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(HubScopes.HubResource);
            });

        // Keys and lifetimes come from options and the data folder, resolved when OpenIddict first needs them.
        services.AddOptions<OpenIddictServerOptions>().Configure<HubKeys, IOptions<AuthOptions>>((server, keys, auth) =>
        {
            server.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.SigningCredentials(
                keys.SigningKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
            server.EncryptionCredentials.Add(new Microsoft.IdentityModel.Tokens.EncryptingCredentials(
                keys.EncryptionKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256KW,
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256CbcHmacSha512));
            server.AccessTokenLifetime = TimeSpan.FromMinutes(auth.Value.AccessTokenLifetimeMinutes);
            server.Issuer = auth.Value.Issuer;
        });

        services.AddSingleton<ValidatedTokenCache>();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, ServerEndpointsOnlyRequestHandlers>());
        services.AddAuthentication(CachedTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CachedTokenAuthenticationHandler>(CachedTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(HubPolicies.Node, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(HubScopes.Node)))
            .AddPolicy(HubPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(HubScopes.Admin)))
            // Which view a caller gets (own entity, or across entities with suppression) is decided per query.
            .AddPolicy(HubPolicies.Analytics, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(HubScopes.Analytics) || context.User.HasScope(HubScopes.Node)))
            .AddPolicy(HubPolicies.FaqEditor, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(HubScopes.Node) && context.User.HasScope(HubScopes.FaqEditor)));

        services.AddScoped<AdminClients>();
        services.AddScoped<AnalystClients>();
        services.AddScoped<UsedAssertionPruner>();
        return builder;
    }
}
