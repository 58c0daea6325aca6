namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>An entity of the synthetic network: a member office whose contacts the archive holds.</summary>
/// <param name="Kind">A <see cref="Schemas.Nodes.NodeKinds"/> value.</param>
/// <param name="Code">Its node code (ISTAT for regions, provinces and municipalities; IPA for national bodies).</param>
/// <param name="Size">Relative volume of contacts: skewed, a few large cities and bodies, many small towns.</param>
/// <param name="Municipalities">ISTAT codes of the municipalities its contacts are about (its own, for a municipality).</param>
public sealed record SyntheticEntity(string Name, string Kind, string Code, string RegionCode, double Size, IReadOnlyList<string> Municipalities)
{
    /// <summary>The hub's node id, once the entity is registered.</summary>
    public Guid NodeId { get; init; }
}
