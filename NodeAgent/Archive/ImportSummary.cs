namespace LineaHub.NodeAgent.Archive;

/// <summary>What an import did.</summary>
/// <param name="Rows">Data rows read (the header is not one).</param>
/// <param name="Archived">Rows archived now.</param>
/// <param name="AlreadyArchived">Rows whose contact id was archived before (an earlier import, the local API, or an earlier row of the file): nothing added.</param>
/// <param name="Rejected">Rows refused, nothing of them stored.</param>
/// <param name="RejectedRows">The first refused rows with their reasons; <paramref name="RejectedNotListed"/> more are only counted.</param>
public sealed record ImportSummary(int Rows, int Archived, int AlreadyArchived, int Rejected, IReadOnlyList<RejectedRow> RejectedRows, int RejectedNotListed);
