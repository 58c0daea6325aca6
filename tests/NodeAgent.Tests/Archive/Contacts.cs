using LineaHub.NodeAgent.Archive;

namespace LineaHub.NodeAgent.Tests.Archive;

/// <summary>Synthetic closed contacts: invented people, fiscal codes with a valid check character, L'Aquila's ISTAT code.</summary>
internal static class Contacts
{
    /// <summary>A fiscal code of nobody: made-up name letters and date, a real check character.</summary>
    public static string FiscalCode(int n)
    {
        var first15 = $"FNT{(char)('A' + (n % 26))}TZ8{n % 10}A0{1 + (n % 9)}A345";
        return first15 + Schemas.Anonymisation.FiscalCode.CheckCharacter(first15);
    }

    public const string Text = "Il cittadino Ugo Inventato (nome di fantasia) segnala una buca in via Roma all'altezza del civico 10; "
        + "chiede di essere richiamato al 333 1234567.";

    public static ClosedContact Closed(string id, DateTimeOffset? at = null) => new(
        ContactId: id,
        Category: "viabilita-trasporti.strade",
        Channel: "telefono",
        RequestType: "segnalazione",
        Outcome: "risolto",
        OpenedAt: (at ?? ArchiveAgent.Start).AddMinutes(-47).AddSeconds(-13),
        ClosedAt: at ?? ArchiveAgent.Start,
        FirstResponseAt: (at ?? ArchiveAgent.Start).AddMinutes(-40),
        ResolvedAt: at ?? ArchiveAgent.Start,
        Citizen: FiscalCode(id.Length),
        IstatCode: "066049",
        Latitude: 42.3498,
        Longitude: 13.3995,
        Text: Text,
        FaqIds: ["faq-42"],
        Satisfaction: 4);
}
