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

    /// <summary>
    /// How long the caller check keeps an active node before reading it again (0: every call). A suspension made
    /// through another hub replica stops the node's calls here within this time; through this replica, at once.
    /// </summary>
    [Range(0, 60_000)]
    public int CallerCacheMilliseconds { get; set; } = 1000;
}
