using LineaHub.Hub.Nodes;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class OverflowOfferConfiguration : IEntityTypeConfiguration<OverflowOffer>
{
    public void Configure(EntityTypeBuilder<OverflowOffer> builder)
    {
        builder.ToTable("overflow_offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Outcome).HasMaxLength(20);

        // The database's own guarantee that a ticket is never offered to two offices at once: whatever two
        // dispatchers (threads or hub processes) race, only one pending offer per ticket can be committed.
        builder.HasIndex(o => o.TicketId).IsUnique().HasFilter("outcome = 'pending'").HasDatabaseName("ux_overflow_offers_one_pending_per_ticket");
        builder.HasIndex(o => new { o.TicketId, o.NodeId });
        builder.HasIndex(o => new { o.NodeId, o.Outcome, o.EndedAt });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Node>().WithMany().HasForeignKey(o => o.NodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketContactConfiguration : IEntityTypeConfiguration<TicketContact>
{
    public void Configure(EntityTypeBuilder<TicketContact> builder)
    {
        builder.ToTable("ticket_contacts");
        builder.HasKey(c => c.TicketId);
        builder.Property(c => c.Envelope).HasMaxLength(TicketContact.MaxEnvelopeLength);
        builder.HasOne<Ticket>().WithOne().HasForeignKey<TicketContact>(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> builder)
    {
        builder.ToTable("inbox_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.TicketCode).HasMaxLength(12);
        builder.HasIndex(e => new { e.NodeId, e.Id });
        builder.HasOne<Node>().WithMany().HasForeignKey(e => e.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
