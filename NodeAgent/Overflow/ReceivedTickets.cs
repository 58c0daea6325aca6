using System.Security.Cryptography;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Handover;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Received tickets for the office's system. The citizen's contact data is opened with the agent's encryption key
/// only when one ticket is read, and never stored opened.
/// </summary>
public sealed class ReceivedTickets(AgentDatabase database, ReceivedTicketStore store, AgentIdentityStore identities)
{
    public const int MaxListed = 500;

    public Task<IReadOnlyList<ReceivedTicket>> ListAsync(string? status, int? limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            transaction => store.ListAsync(transaction, status, Math.Clamp(limit ?? 100, 1, MaxListed), cancellationToken),
            cancellationToken);

    /// <summary>The ticket with its contact data opened, or null when this office never received it.</summary>
    public async Task<ReceivedTicket?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var (ticket, envelope) = await database.ReadAsync(
            async transaction => (await store.FindAsync(transaction, code, cancellationToken), await store.FindEnvelopeAsync(transaction, code, cancellationToken)),
            cancellationToken);
        if (ticket is null || envelope is null)
        {
            return ticket;
        }

        using var key = await identities.LoadEncryptionKeyAsync(cancellationToken);
        var parameters = key.Key.ExportParameters(includePrivateParameters: true);
        try
        {
            return ticket with { Contact = CitizenContact.OpenWith(envelope, parameters) };
        }
        catch (ContactEnvelopeException exception)
        {
            // Sealed for another key (the agent joined again since) or altered: say so, keep the ticket readable.
            return ticket with { ContactProblem = exception.Message };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }
}
