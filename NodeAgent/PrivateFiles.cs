namespace LineaHub.NodeAgent;

/// <summary>Writes files only the agent's user can read, atomically (temp file, then rename).</summary>
internal static class PrivateFiles
{
    public static void EnsureDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await WriteTemporaryAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Writes <paramref name="path"/> unless it exists; false when it does (another process may have just written it).
    /// For a value that must be chosen once, e.g. a secret: of two processes starting together, one wins and both use it.
    /// </summary>
    public static async Task<bool> TryCreateAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await WriteTemporaryAsync(temporary, content, cancellationToken);
        try
        {
            // Without overwrite the move fails if the file is there, rather than replacing it.
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static async Task WriteTemporaryAsync(string temporary, string content, CancellationToken cancellationToken)
    {
        EnsureDirectory(Path.GetDirectoryName(temporary)!);
        if (OperatingSystem.IsWindows())
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken);
        }
        else
        {
            // Created with mode 600 from the start: the private key is never readable by others, not even briefly.
            var options = new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(content.AsMemory(), cancellationToken);
            }
        }
    }
}
