namespace LineaHub.Schemas.Faq;

/// <summary>
/// One page of the hub's FAQ changes feed for a node (<c>GET /api/v1/faq/changes</c>): the entries whose version is above
/// the one asked for, in version order, as the node's replica applies them. An entry that does not apply to the node (another
/// region's, another entity's, not published) comes as a tombstone, so a replica that held it drops it.
/// </summary>
/// <param name="Entries">Changed entries, lowest version first: published entries that apply to the caller in full, the rest as
/// tombstones (<see cref="IsTombstone"/>).</param>
/// <param name="Synonyms">The network's synonym list, on the last page of a catch-up (<paramref name="More"/> false) when its version
/// is above the caller's <c>synonymsAfter</c> (always without one); null otherwise.</param>
/// <param name="NextAfter">The version to ask for next (the last entry's, or the one asked for when the page is empty).</param>
/// <param name="More">Whether more changes wait above <paramref name="NextAfter"/>: ask again at once.</param>
/// <param name="RegionCode">The calling node's region, which the replica's searches filter regional entries by.</param>
/// <param name="EntityCode">The calling node's entity code, which the replica's searches filter local entries by.</param>
public sealed record FaqChangesPage(
    IReadOnlyList<FaqEntry> Entries,
    FaqSynonymsView? Synonyms,
    long NextAfter,
    bool More,
    string? RegionCode,
    string? EntityCode)
{
    /// <summary>Changes in a page when the caller does not say.</summary>
    public const int DefaultLimit = 500;

    /// <summary>Most changes one page carries.</summary>
    public const int MaxLimit = 2_000;

    /// <summary>
    /// The change that removes an entry from a replica: same id, the version of the change, archived, no text. Nothing of an
    /// entry that does not apply to the caller, or is not published, travels but its id.
    /// </summary>
    public static FaqEntry Tombstone(string id, long version) =>
        new(id, string.Empty, string.Empty, string.Empty, [], FaqScope.Network, null, null, null, null, version, FaqStatus.Archived);

    /// <summary>Whether the entry is a tombstone (removes the entry from a replica).</summary>
    public static bool IsTombstone(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status != FaqStatus.Published;
    }
}
