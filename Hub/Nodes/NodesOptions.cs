using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Nodes;

public sealed class NodesOptions
{
    public const string Section = "Nodes";

    /// <summary>How long a join code stays valid.</summary>
    [Range(1, 24 * 30)]
    public int JoinCodeLifetimeHours { get; set; } = 24;

    /// <summary>Oldest <c>iat</c> accepted in the proof of a key rotation.</summary>
    [Range(30, 3600)]
    public int KeyProofMaxAgeSeconds { get; set; } = 300;

    /// <summary>Join attempts allowed per client address and minute.</summary>
    [Range(1, 10_000)]
    public int JoinPermitsPerMinute { get; set; } = 30;
}
