namespace LineaHub.Schemas.Faq;

/// <summary>How scopes and statuses are written in requests and responses.</summary>
public static class FaqWire
{
    /// <summary>The wire name of a scope.</summary>
    public static string Name(FaqScope scope) => scope switch
    {
        FaqScope.Network => "network",
        FaqScope.Regional => "regional",
        FaqScope.Local => "local",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>The wire name of a status.</summary>
    public static string Name(FaqStatus status) => status switch
    {
        FaqStatus.Draft => "draft",
        FaqStatus.InReview => "in_review",
        FaqStatus.Published => "published",
        FaqStatus.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Reads a scope name; false if unknown.</summary>
    public static bool TryParseScope(string? name, out FaqScope scope)
    {
        foreach (var candidate in Enum.GetValues<FaqScope>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                scope = candidate;
                return true;
            }
        }

        scope = default;
        return false;
    }
}
