using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>Connection string; for SQLite it defaults to <c>hub.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and the hub's keys, relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the hub starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
