namespace LineaHub.NodeAgent.Archive;

/// <summary>How far an import has read.</summary>
/// <param name="TotalBytes">The file's size; null when the stream cannot tell.</param>
public sealed record ImportProgress(int Rows, long BytesRead, long? TotalBytes);
