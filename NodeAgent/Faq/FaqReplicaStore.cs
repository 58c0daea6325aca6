using System.Text.Json;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Faq;

/// <summary>The replica's tables (<c>faq_entries</c>, <c>faq_replica</c>); every method works inside the caller's transaction.</summary>
public sealed class FaqReplicaStore
{
    public async Task<FaqReplicaState> ReadStateAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync(
            "SELECT applied_version, synonyms_version, region_code, entity_code, last_sync_at FROM faq_replica WHERE id = 1;",
            reader => new FaqReplicaState(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.GetNullableString(2),
                reader.GetNullableString(3),
                reader.GetNullableTime(4)),
            cancellationToken)).Single();

    /// <summary>The stored synonym list, or null while the hub has sent none.</summary>
    public async Task<string?> ReadSynonymsAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        await transaction.ScalarAsync("SELECT synonyms FROM faq_replica WHERE id = 1;", cancellationToken) as string;

    public Task<IReadOnlyList<FaqEntry>> ListEntriesAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        transaction.QueryAsync("SELECT entry FROM faq_entries ORDER BY version;", Read, cancellationToken);

    public async Task<FaqEntry?> FindAsync(SqliteTransaction transaction, string id, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync("SELECT entry FROM faq_entries WHERE id = $id;", Read, cancellationToken, ("$id", id))).SingleOrDefault();

    /// <summary>Stores a published entry or drops a tombstoned one, unless the replica already holds a newer version of it.</summary>
    public Task<int> ApplyAsync(SqliteTransaction transaction, FaqEntry entry, CancellationToken cancellationToken) =>
        FaqChangesPage.IsTombstone(entry)
            ? transaction.ExecuteAsync(
                "DELETE FROM faq_entries WHERE id = $id AND version < $version;", cancellationToken, ("$id", entry.Id), ("$version", entry.Version))
            : transaction.ExecuteAsync(
                """
                INSERT INTO faq_entries (id, version, entry) VALUES ($id, $version, $entry)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, entry = excluded.entry WHERE excluded.version > faq_entries.version;
                """,
                cancellationToken,
                ("$id", entry.Id), ("$version", entry.Version), ("$entry", JsonSerializer.Serialize(entry, JsonSerializerOptions.Web)));

    /// <summary>Records a successful sync: where the next one resumes, the office's codes, and the synonym list when one came.</summary>
    public Task SaveStateAsync(
        SqliteTransaction transaction, FaqReplicaState state, FaqSynonymsView? synonyms, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            UPDATE faq_replica SET applied_version = $applied, region_code = $region, entity_code = $entity, last_sync_at = $at,
                synonyms_version = COALESCE($synonymsVersion, synonyms_version), synonyms = COALESCE($synonyms, synonyms)
            WHERE id = 1;
            """,
            cancellationToken,
            ("$applied", state.AppliedVersion), ("$region", state.RegionCode), ("$entity", state.EntityCode), ("$at", state.LastSyncAt.ToStored()),
            ("$synonymsVersion", synonyms?.Version), ("$synonyms", synonyms?.Text));

    private static FaqEntry Read(SqliteDataReader reader) =>
        JsonSerializer.Deserialize<FaqEntry>(reader.GetString(0), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("A replicated FAQ entry is stored empty.");
}
