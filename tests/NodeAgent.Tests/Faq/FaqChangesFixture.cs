using LineaHub.Schemas.Faq;

namespace LineaHub.NodeAgent.Tests.Faq;

/// <summary>Changes as the hub's feed carries them, for the office <see cref="FaqTestHub"/> plays (region 13, entity 066032).</summary>
internal static class FaqChangesFixture
{
    public static FaqEntry Entry(
        string id,
        long version,
        string question,
        string answer = "Rivolgersi allo sportello tributi del comune.",
        FaqScope scope = FaqScope.Network,
        DateTimeOffset? validFrom = null,
        DateTimeOffset? validTo = null,
        IReadOnlyList<string>? keywords = null) =>
        new(id, question, answer, "tributi.tari", keywords ?? ["tari"], scope,
            scope == FaqScope.Regional ? "13" : null, scope == FaqScope.Local ? "066032" : null, validFrom, validTo, version, FaqStatus.Published);

    public static string NewId() => Guid.NewGuid().ToString();
}
