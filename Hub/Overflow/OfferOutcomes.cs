namespace LineaHub.Hub.Overflow;

/// <summary>How an offer ended, or that it has not yet.</summary>
public static class OfferOutcomes
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
    public const string Cancelled = "cancelled";
}
