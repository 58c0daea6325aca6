namespace LineaHub.Hub.Storage;

/// <summary>The resolved absolute folder for the hub's local files (SQLite database, keys).</summary>
public sealed record HubDataDirectory(string Path);
