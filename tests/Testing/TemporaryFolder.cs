namespace LineaHub.Testing;

/// <summary>Folders under the system's temporary folder that tests create and delete.</summary>
public static class TemporaryFolder
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "lineahub-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Best effort: a folder left behind in the temporary folder must not fail a test.</summary>
    public static bool TryDelete(string? path)
    {
        if (path is null || !Directory.Exists(path))
        {
            return true;
        }

        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
