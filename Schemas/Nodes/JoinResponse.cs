namespace LineaHub.Schemas.Nodes;

/// <summary>What a joined agent needs to get tokens.</summary>
/// <param name="NodeId">The node's id in the registry.</param>
/// <param name="ClientId">OAuth client id: <c>iss</c> and <c>sub</c> of every client assertion.</param>
/// <param name="Issuer">The hub's issuer, also accepted as assertion audience.</param>
/// <param name="TokenEndpoint">Where to exchange assertions for access tokens.</param>
/// <param name="Scopes">Scopes the node may ask for.</param>
/// <param name="CapacityReportIntervalSeconds">How often the hub expects a capacity report.</param>
public sealed record JoinResponse(
    Guid NodeId,
    string ClientId,
    Uri Issuer,
    Uri TokenEndpoint,
    IReadOnlyList<string> Scopes,
    int CapacityReportIntervalSeconds);
