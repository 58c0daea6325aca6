using System.Text.Json;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class NodeConfiguration : IEntityTypeConfiguration<Node>
{
    public void Configure(EntityTypeBuilder<Node> builder)
    {
        builder.ToTable("nodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.Kind).HasMaxLength(20);
        builder.Property(n => n.Code).HasMaxLength(40);
        builder.Property(n => n.RegionCode).HasMaxLength(2);
        builder.Property(n => n.Status).HasMaxLength(20);
        builder.Property(n => n.ClientId).HasMaxLength(100);
        builder.Property(n => n.SigningKeyId).HasMaxLength(100);
        builder.Property(n => n.AgentVersion).HasMaxLength(100);
        builder.HasIndex(n => new { n.Kind, n.Code }).IsUnique();
        builder.HasIndex(n => n.ClientId).IsUnique();

        // Opening hours are read and written whole with the node: a JSON document, not a table.
        builder.Property(n => n.OpeningHours)
            .HasConversion(
                hours => JsonSerializer.Serialize(hours, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<OpeningHours>>(json, JsonSerializerOptions.Web) ?? new List<OpeningHours>(),
                new ValueComparer<List<OpeningHours>>(
                    (a, b) => a!.SequenceEqual(b!),
                    hours => hours.Aggregate(0, (hash, h) => HashCode.Combine(hash, h)),
                    hours => hours.ToList()));
    }
}
