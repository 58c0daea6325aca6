using System.Net.Http.Headers;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>A joined office: its node id and the bearer token its agent would hold.</summary>
internal sealed record Office(Guid Id, AuthenticationHeaderValue Authorization);
