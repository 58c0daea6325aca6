using LineaHub.Hub.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        // The key is the unique index that makes claiming a key one INSERT that fails on a duplicate.
        builder.HasKey(r => new { r.Caller, r.Endpoint, r.IdempotencyKey });
        builder.Property(r => r.Caller).HasMaxLength(100);
        builder.Property(r => r.Endpoint).HasMaxLength(200);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(IdempotencyKeyHeader.MaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.ResponseHeaders).HasMaxLength(2000);
        builder.HasIndex(r => r.ExpiresAtUnixSeconds);
    }
}
