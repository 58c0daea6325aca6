using LineaHub.Schemas.Archive;

namespace LineaHub.Hub.Archive;

/// <summary>
/// One anonymised contact in the unified archive (storage entity). Stored once per handling office and record id;
/// on PostgreSQL the table is partitioned by month of <see cref="ClosedAt"/>, so the key includes it.
/// </summary>
public sealed class ArchivedContact
{
    public Guid NodeId { get; set; }

    public required string RecordId { get; set; }

    public DateTimeOffset ClosedAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Code of the entity the citizen addressed (the handling office's own unless taken through overflow).</summary>
    public required string EntityCode { get; set; }

    public required string RegionCode { get; set; }

    public required string TaxonomyVersion { get; set; }

    public required string Category { get; set; }

    public required string Channel { get; set; }

    public required string RequestType { get; set; }

    public required string Outcome { get; set; }

    public int? FirstResponseSeconds { get; set; }

    public int? ResolutionSeconds { get; set; }

    public required string AreaIstatCode { get; set; }

    public string? AreaCell { get; set; }

    public string? Citizen { get; set; }

    public string? Text { get; set; }

    /// <summary>FAQ ids, comma-separated (ids never contain commas).</summary>
    public string? FaqIds { get; set; }

    public short? Satisfaction { get; set; }

    /// <summary>
    /// The stored row of a record that passed <see cref="ArchiveRecordRules"/> (its required fields are present),
    /// handled by <paramref name="nodeId"/> for the entity <paramref name="entityCode"/> in <paramref name="regionCode"/>.
    /// </summary>
    public static ArchivedContact From(ArchiveRecord record, Guid nodeId, string entityCode, string regionCode, DateTimeOffset receivedAt) => new()
    {
        NodeId = nodeId,
        RecordId = record.RecordId!,
        ClosedAt = record.ClosedAt!.Value.ToUniversalTime(),
        OpenedAt = record.OpenedAt!.Value.ToUniversalTime(),
        ReceivedAt = receivedAt,
        EntityCode = entityCode,
        RegionCode = regionCode,
        TaxonomyVersion = record.TaxonomyVersion!,
        Category = record.Category!,
        Channel = record.Channel!,
        RequestType = record.RequestType!,
        Outcome = record.Outcome!,
        FirstResponseSeconds = record.FirstResponseSeconds,
        ResolutionSeconds = record.ResolutionSeconds,
        AreaIstatCode = record.AreaIstatCode!,
        AreaCell = record.AreaCell,
        Citizen = record.Citizen,
        Text = string.IsNullOrWhiteSpace(record.Text) ? null : record.Text,
        FaqIds = record.FaqIds is { Count: > 0 } ids ? string.Join(',', ids) : null,
        Satisfaction = (short?)record.Satisfaction,
    };
}
