using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Archive;

public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Largest batch body: a thousand records with long texts fit in 4 MiB.</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public long MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Months of raw records kept; older months are dropped whole (PostgreSQL) or deleted (SQLite).</summary>
    [Range(1, 1200)]
    public int RetentionMonths { get; set; } = 60;

    /// <summary>Months of rollups kept: they hold only counts, so trends can look back further than the records.</summary>
    [Range(1, 1200)]
    public int RollupRetentionMonths { get; set; } = 120;
}
