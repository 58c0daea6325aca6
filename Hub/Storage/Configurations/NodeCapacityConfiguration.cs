using LineaHub.Hub.Capacity;
using LineaHub.Hub.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class NodeCapacityConfiguration : IEntityTypeConfiguration<NodeCapacity>
{
    public void Configure(EntityTypeBuilder<NodeCapacity> builder)
    {
        builder.ToTable("node_capacity");
        builder.HasKey(c => c.NodeId);
        builder.HasOne<Node>().WithOne().HasForeignKey<NodeCapacity>(c => c.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
