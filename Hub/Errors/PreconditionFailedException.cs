namespace LineaHub.Hub.Errors;

/// <summary>The caller acted on a version that is no longer current: nothing was changed.</summary>
public sealed class PreconditionFailedException(string detail, int currentVersion) : DomainException("Versione non aggiornata", detail)
{
    public override int StatusCode => StatusCodes.Status412PreconditionFailed;

    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["currentVersion"] = currentVersion };
}
