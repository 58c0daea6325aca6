using LineaHub.Hub.Archive;
using LineaHub.Hub.Auth;
using LineaHub.Hub.Capacity;
using LineaHub.Hub.Faq;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Tickets;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Storage;

/// <summary>
/// The hub's database. Each provider has a subclass of its own so that each keeps its own migrations
/// (SQLite and PostgreSQL differ in types); the model itself is defined once, here.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Node> Nodes => Set<Node>();

    public DbSet<NodeJoinCode> NodeJoinCodes => Set<NodeJoinCode>();

    public DbSet<NodeCapacity> NodeCapacities => Set<NodeCapacity>();

    public DbSet<UsedClientAssertion> UsedClientAssertions => Set<UsedClientAssertion>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<OverflowOffer> OverflowOffers => Set<OverflowOffer>();

    public DbSet<TicketContact> TicketContacts => Set<TicketContact>();

    public DbSet<InboxEntry> InboxEntries => Set<InboxEntry>();

    public DbSet<ArchivedContact> ArchivedContacts => Set<ArchivedContact>();

    public DbSet<ArchiveRollup> ArchiveRollups => Set<ArchiveRollup>();

    public DbSet<ArchiveDurationRollup> ArchiveDurationRollups => Set<ArchiveDurationRollup>();

    public DbSet<StoredFaqEntry> FaqEntries => Set<StoredFaqEntry>();

    public DbSet<FaqEntryVersion> FaqEntryVersions => Set<FaqEntryVersion>();

    public DbSet<FaqChangeCounter> FaqChangeCounters => Set<FaqChangeCounter>();

    public DbSet<FaqSynonymList> FaqSynonymLists => Set<FaqSynonymList>();

    public DbSet<LoggedFaqSearch> FaqSearchLog => Set<LoggedFaqSearch>();

    public DbSet<StoredFaqFeedback> FaqFeedback => Set<StoredFaqFeedback>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
    }
}
