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
        // File.Move without overwrite is not atomic everywhere: where the file system refuses hard links, .NET checks
        // that the target is absent and then renames, so two creators could both "win" and the second replace the
        // first's secret after a reader took it. Creators take turns under an exclusive lock on a lock file instead
        // (advisory, between processes and within one), check again, and rename: a reader sees no file or a whole one.
        EnsureDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var turn = await LockAsync(path + ".lock", cancellationToken);
        if (File.Exists(path))
        {
            return false;
        }

        await WriteAsync(path, content, cancellationToken);
        return true;
    }

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private static async Task<FileStream> LockAsync(string lockPath, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another creator holds it for the few milliseconds of a write.
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            }
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
