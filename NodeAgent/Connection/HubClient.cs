namespace LineaHub.NodeAgent.Connection;

/// <summary>Names of the HTTP clients the agent uses to call out to the hub (it never listens for the hub).</summary>
public static class HubClient
{
    /// <summary>Authenticated calls to the hub's API, base address = the hub URL from the identity.</summary>
    public const string Name = "hub";
}
