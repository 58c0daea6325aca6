using LineaHub.Hub.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class NodeJoinCodeConfiguration : IEntityTypeConfiguration<NodeJoinCode>
{
    public void Configure(EntityTypeBuilder<NodeJoinCode> builder)
    {
        builder.ToTable("node_join_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.HasOne<Node>().WithMany().HasForeignKey(c => c.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
