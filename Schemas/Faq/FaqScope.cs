using System.Text.Json.Serialization;

namespace LineaHub.Schemas.Faq;

/// <summary>Where a FAQ entry applies. On the wire by its <see cref="FaqWire"/> name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaqScope>))]
public enum FaqScope
{
    /// <summary>Valid for every office of the network.</summary>
    [JsonStringEnumMemberName("network")]
    Network = 0,

    /// <summary>Valid for the offices of one region (<see cref="FaqEntry.RegionCode"/>).</summary>
    [JsonStringEnumMemberName("regional")]
    Regional = 1,

    /// <summary>Valid only for one entity (<see cref="FaqEntry.EntityCode"/>), e.g. its own TARI deadlines.</summary>
    [JsonStringEnumMemberName("local")]
    Local = 2,
}
