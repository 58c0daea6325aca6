using System.Net.Http.Headers;

namespace LineaHub.Testing.Load;

/// <summary>An office joined through the real join flow: its node, entity code, region and the bearer token its agent would hold.</summary>
public sealed record JoinedOffice(Guid Id, string Code, string RegionCode, AuthenticationHeaderValue Authorization);
