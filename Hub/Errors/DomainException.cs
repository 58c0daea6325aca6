namespace LineaHub.Hub.Errors;

/// <summary>
/// A failure the caller can act on. Handlers throw these; <see cref="ProblemExceptionHandler"/> turns
/// each into one RFC 7807 response, so no endpoint maps errors on its own.
/// </summary>
public abstract class DomainException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;

    public abstract int StatusCode { get; }

    /// <summary>Per-field reasons, shown as <c>errors</c> in the problem body.</summary>
    public virtual IReadOnlyDictionary<string, string[]>? Errors => null;

    /// <summary>Further members of the problem body, e.g. the actions allowed instead.</summary>
    public virtual IReadOnlyDictionary<string, object?>? Extensions => null;

    /// <summary>Sent as <c>Retry-After</c>, when the caller should simply try again after a while.</summary>
    public virtual TimeSpan? RetryAfter => null;

    /// <summary>
    /// The same request may succeed if sent again (e.g. it lost a race), so an idempotent endpoint keeps no
    /// record of this outcome: replaying it would turn a passing failure into a permanent one.
    /// </summary>
    public virtual bool IsTransient => false;
}
