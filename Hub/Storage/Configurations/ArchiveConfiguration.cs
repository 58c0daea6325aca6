using LineaHub.Hub.Archive;
using LineaHub.Schemas.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class ArchivedContactConfiguration : IEntityTypeConfiguration<ArchivedContact>
{
    public void Configure(EntityTypeBuilder<ArchivedContact> builder)
    {
        // On PostgreSQL the migration creates this table partitioned by month of closed_at (EF cannot say so), and a
        // primary key of a partitioned table must include the partition column: a record is (node, id, closing hour),
        // and an agent always sends one record with the closing hour it was built with.
        builder.ToTable("archive_records");
        builder.HasKey(c => new { c.NodeId, c.RecordId, c.ClosedAt });
        builder.Property(c => c.RecordId).HasMaxLength(ArchiveRecordRules.MaxRecordIdLength);
        builder.Property(c => c.EntityCode).HasMaxLength(16);
        builder.Property(c => c.RegionCode).HasMaxLength(2);
        builder.Property(c => c.TaxonomyVersion).HasMaxLength(16);
        builder.Property(c => c.Category).HasMaxLength(64);
        builder.Property(c => c.Channel).HasMaxLength(32);
        builder.Property(c => c.RequestType).HasMaxLength(32);
        builder.Property(c => c.Outcome).HasMaxLength(32);
        builder.Property(c => c.AreaIstatCode).HasMaxLength(6);
        builder.Property(c => c.AreaCell).HasMaxLength(24);
        builder.Property(c => c.Citizen).HasMaxLength(22);
        builder.Property(c => c.Text).HasMaxLength(ArchiveRecordRules.MaxTextLength);
        builder.Property(c => c.FaqIds).HasMaxLength(ArchiveRecordRules.MaxFaqIds * (ArchiveRecordRules.MaxRecordIdLength + 1));
        builder.HasIndex(c => c.ClosedAt);
    }
}

internal sealed class ArchiveRollupConfiguration : IEntityTypeConfiguration<ArchiveRollup>
{
    public void Configure(EntityTypeBuilder<ArchiveRollup> builder)
    {
        builder.ToTable("archive_rollups");
        builder.HasKey(r => new { r.Cube, r.Day, r.EntityCode, r.RegionCode, r.Category, r.Channel, r.RequestType, r.Outcome, r.AreaIstatCode });
        builder.Property(r => r.EntityCode).HasMaxLength(16);
        builder.Property(r => r.RegionCode).HasMaxLength(2);
        builder.Property(r => r.Category).HasMaxLength(64);
        builder.Property(r => r.Channel).HasMaxLength(32);
        builder.Property(r => r.RequestType).HasMaxLength(32);
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.Property(r => r.AreaIstatCode).HasMaxLength(6);
    }
}

internal sealed class ArchiveDurationRollupConfiguration : IEntityTypeConfiguration<ArchiveDurationRollup>
{
    public void Configure(EntityTypeBuilder<ArchiveDurationRollup> builder)
    {
        // One row per cell and measure with the bucket counts as an array (integer[] on PostgreSQL, JSON text on SQLite):
        // decision record 0006.
        builder.ToTable("archive_duration_histograms");
        builder.HasKey(r => new { r.Cube, r.Day, r.EntityCode, r.RegionCode, r.Category, r.Measure });
        builder.Property(r => r.EntityCode).HasMaxLength(16);
        builder.Property(r => r.RegionCode).HasMaxLength(2);
        builder.Property(r => r.Category).HasMaxLength(64);
    }
}
