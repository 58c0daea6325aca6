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
        EnsureDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
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

        File.Move(temporary, path, overwrite: true);
    }
}
