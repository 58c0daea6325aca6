namespace LineaHub.Hub.Idempotency;

public static class IdempotencyStates
{
    /// <summary>The request is being processed. Only its own transaction sees the row in this state.</summary>
    public const string InProgress = "in_progress";

    /// <summary>The request was answered; the answer is stored for replay.</summary>
    public const string Completed = "completed";
}
