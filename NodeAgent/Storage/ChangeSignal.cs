namespace LineaHub.NodeAgent.Storage;

/// <summary>"Something changed in this process": a task that completes at the next <see cref="Notify"/>.</summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = NewSignal();

    /// <summary>Completes at the next <see cref="Notify"/>; take it before looking for work, then wait on it.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
