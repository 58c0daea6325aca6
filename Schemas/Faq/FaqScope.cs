namespace LineaHub.Schemas.Faq;

/// <summary>Where a FAQ entry applies.</summary>
public enum FaqScope
{
    /// <summary>Valid for every office of the network.</summary>
    Network = 0,

    /// <summary>Valid for the offices of one region (<see cref="FaqEntry.RegionCode"/>).</summary>
    Regional = 1,

    /// <summary>Valid only for one entity (<see cref="FaqEntry.EntityCode"/>), e.g. its own TARI deadlines.</summary>
    Local = 2,
}
