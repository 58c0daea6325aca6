namespace LineaHub.NodeAgent.Tests.Storage;

/// <summary>Clean-up of the data folders tests create under the temporary folder.</summary>
internal static class TestFolders
{
    /// <summary>Best effort: a folder left behind in the temporary folder must not fail a test.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the system to clear.
        }
    }
}
