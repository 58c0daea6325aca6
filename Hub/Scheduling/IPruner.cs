namespace LineaHub.Hub.Scheduling;

/// <summary>Deletes rows past their retention; safe to run on every replica at any time.</summary>
public interface IPruner
{
    /// <summary>What it prunes, for the log (e.g. "expired client assertions").</summary>
    string What { get; }

    /// <summary>Deletes what is due; returns how many rows went.</summary>
    Task<int> PruneAsync(CancellationToken cancellationToken);
}
