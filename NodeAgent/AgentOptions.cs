using System.ComponentModel.DataAnnotations;

namespace LineaHub.NodeAgent;

public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>Folder with the agent's keys, identity and local database; relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
