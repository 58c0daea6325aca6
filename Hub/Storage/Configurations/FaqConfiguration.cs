using LineaHub.Hub.Faq;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Faq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<StoredFaqEntry>
{
    public void Configure(EntityTypeBuilder<StoredFaqEntry> builder)
    {
        builder.ToTable("faq_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Question).HasMaxLength(FaqOptions.MaxQuestionLength);
        builder.Property(e => e.Answer).HasMaxLength(FaqOptions.MaxAnswerLength);
        builder.Property(e => e.CategoryCode).HasMaxLength(100);
        builder.Property(e => e.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.RegionCode).HasMaxLength(16);
        builder.Property(e => e.EntityCode).HasMaxLength(16);
        // Replicas and agents read "everything above version N": the version is unique and indexed.
        builder.HasIndex(e => e.Version).IsUnique();
        builder.HasIndex(e => new { e.OwnerNodeId, e.Status });
        builder.HasOne<Node>().WithMany().HasForeignKey(e => e.OwnerNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Versions).WithOne().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FaqEntryVersionConfiguration : IEntityTypeConfiguration<FaqEntryVersion>
{
    public void Configure(EntityTypeBuilder<FaqEntryVersion> builder)
    {
        builder.ToTable("faq_entry_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Action).HasMaxLength(20);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Question).HasMaxLength(FaqOptions.MaxQuestionLength);
        builder.Property(v => v.Answer).HasMaxLength(FaqOptions.MaxAnswerLength);
        builder.Property(v => v.Source).HasMaxLength(40);
        builder.HasIndex(v => new { v.EntryId, v.Version });
    }
}

internal sealed class FaqChangeCounterConfiguration : IEntityTypeConfiguration<FaqChangeCounter>
{
    public void Configure(EntityTypeBuilder<FaqChangeCounter> builder)
    {
        builder.ToTable("faq_change_counters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(20);
        // The row must exist before the first change takes a number.
        builder.HasData(new FaqChangeCounter { Name = FaqChangeCounter.FaqName, Value = 0 });
    }
}

internal sealed class FaqSynonymListConfiguration : IEntityTypeConfiguration<FaqSynonymList>
{
    public void Configure(EntityTypeBuilder<FaqSynonymList> builder)
    {
        builder.ToTable("faq_synonym_lists");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Text).HasMaxLength(FaqOptions.MaxSynonymsLength);
    }
}

internal sealed class LoggedFaqSearchConfiguration : IEntityTypeConfiguration<LoggedFaqSearch>
{
    public void Configure(EntityTypeBuilder<LoggedFaqSearch> builder)
    {
        builder.ToTable("faq_search_log");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Query).HasMaxLength(LoggedFaqSearch.MaxQueryLength);
        builder.Property(s => s.NormalisedQuery).HasMaxLength(FaqQueryNormaliser.MaxLength);
        builder.Property(s => s.CategoryCode).HasMaxLength(100);
        // A resent search is stored once; feedback finds its search by the same pair.
        builder.HasIndex(s => new { s.NodeId, s.SearchId }).IsUnique();
        // The report and the retention job read by time.
        builder.HasIndex(s => s.At);
        builder.HasOne<Node>().WithMany().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFaqFeedbackConfiguration : IEntityTypeConfiguration<StoredFaqFeedback>
{
    public void Configure(EntityTypeBuilder<StoredFaqFeedback> builder)
    {
        builder.ToTable("faq_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasMaxLength(20);
        builder.HasIndex(f => new { f.NodeId, f.FeedbackId }).IsUnique();
        builder.HasIndex(f => new { f.NodeId, f.SearchId });
        builder.HasIndex(f => f.At);
        builder.HasOne<Node>().WithMany().HasForeignKey(f => f.NodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredFaqEntry>().WithMany().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
