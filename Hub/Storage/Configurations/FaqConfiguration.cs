using LineaHub.Hub.Faq;
using LineaHub.Hub.Nodes;
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
