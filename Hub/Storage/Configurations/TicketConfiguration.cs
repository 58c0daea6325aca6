using LineaHub.Hub.Nodes;
using LineaHub.Hub.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(12);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Category).HasMaxLength(100);
        builder.Property(t => t.Channel).HasMaxLength(20);
        builder.Property(t => t.RequestType).HasMaxLength(20);
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Summary).HasMaxLength(TicketsOptions.MaxSummaryLength);
        builder.Property(t => t.TaxonomyVersion).HasMaxLength(20);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.OriginNodeId, t.Id });
        builder.HasIndex(t => new { t.HolderNodeId, t.Id });
        builder.HasIndex(t => t.OfferDeadlineAt);
        builder.HasIndex(t => t.QueuedSince);
        builder.HasOne<Node>().WithMany().HasForeignKey(t => t.OriginNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Node>().WithMany().HasForeignKey(t => t.HolderNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.ToTable("ticket_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Role).HasMaxLength(20);
        builder.Property(e => e.Action).HasMaxLength(20);
        builder.Property(e => e.FromState).HasMaxLength(20);
        builder.Property(e => e.ToState).HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(TicketsOptions.MaxReasonLength);
        builder.HasIndex(e => new { e.TicketId, e.Id });
    }
}
