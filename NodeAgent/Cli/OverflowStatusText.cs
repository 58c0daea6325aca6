using LineaHub.NodeAgent.Overflow;
using LineaHub.Schemas.Overflow;

namespace LineaHub.NodeAgent.Cli;

/// <summary>The overflow status as the command line shows it, in Italian.</summary>
public static class OverflowStatusText
{
    public static void Write(TextWriter output, OverflowStatus status)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(status);
        var policy = status.Policy;
        Line(output, "Politica di overflow");
        Line(output, $"  Offerta automatica    {(policy.AutoOffer ? $"sì, oltre {policy.ThresholdSeconds} s di attesa prevista" : "no (solo a mano)")}");
        Line(output, $"  Categorie escluse     {(policy.OptOutCategories.Count == 0 ? "nessuna" : string.Join(", ", policy.OptOutCategories))}");
        Line(output, $"  Limite offerte        {policy.MaxOffersPerMinute} al minuto: {status.OffersLastMinute} nell'ultimo minuto, ancora {status.OffersLeftThisMinute}");
        Line(output, $"  Risposta alle offerte {(policy.AutoAccept ? "automatica" : "manuale (un operatore accetta o rifiuta)")}");
        Line(output, $"Attesa prevista ora     {status.ExpectedWaitSeconds:0} s ({(status.OverThreshold ? "oltre la soglia" : "entro la soglia")}): "
            + $"coda {status.Capacity.QueueLength ?? 0}, {status.Capacity.OperatorsOnline ?? 0} operatori, gestione media {status.Capacity.AverageHandlingSeconds ?? 0} s");

        Line(output, $"Offerte ricevute in attesa di risposta: {status.PendingOffers.Count}");
        foreach (var offer in status.PendingOffers)
        {
            Line(output, $"  {offer.Code}  {offer.Category,-32}  da {offer.Ticket.Origin.Name}{(offer.DeadlineAt is { } deadline ? $"  entro {deadline:u}" : "")}");
        }

        Line(output, $"Ticket dell'ufficio offerti ad altri uffici: {status.OwnOffered.Count}");
        foreach (var ticket in status.OwnOffered)
        {
            Line(output, $"  {ticket.Code}  {ticket.Category,-32}  offerto a {ticket.OfferedTo ?? "(in attesa di conferma dall'hub)"}");
        }

        Line(output, $"Ticket dell'ufficio in coda di rete: {status.OwnQueued.Count}");
        foreach (var ticket in status.OwnQueued)
        {
            Line(output, $"  {ticket.Code}  {ticket.Category,-32}  in coda dal {ticket.QueuedSince:u}");
        }

        Line(output, status.LastInboxPoll switch
        {
            null => "Inbox                   non ancora letta",
            { Succeeded: true } poll => $"Inbox                   letta {poll.At:u}",
            var poll => $"Inbox                   lettura non riuscita {poll.At:u}: {poll.Error}",
        });
        if (status.RecentMessages.Count > 0)
        {
            Line(output, "Ultimi messaggi dall'hub");
            foreach (var entry in status.RecentMessages)
            {
                var change = entry.Action is null ? entry.ToStatus : $"{entry.Action}: {entry.FromStatus} → {entry.ToStatus}";
                Line(output, $"  {entry.CreatedAt:u}  {entry.TicketCode}  {Kind(entry.Kind),-24} {change}");
            }
        }
    }

    private static string Kind(string kind) => kind switch
    {
        InboxKinds.Offer => "offerta ricevuta",
        InboxKinds.Status => "cambio di stato",
        InboxKinds.SealContact => "contatto da sigillare",
        InboxKinds.Contact => "contatto ricevuto",
        _ => kind,
    };

    private static void Line(TextWriter output, string text) => output.WriteLine(text);
}
