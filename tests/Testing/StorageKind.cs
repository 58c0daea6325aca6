namespace LineaHub.Testing;

/// <summary>The hub's storage providers; each name is the value of <c>Storage:Provider</c>.</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
