using LineaHub.Hub.Errors;
using LineaHub.Schemas.Tickets;

namespace LineaHub.Hub.Tickets;

internal static class TicketCodes
{
    /// <summary>The canonical code, or 400 saying whether it is malformed or looks mistyped.</summary>
    public static string Require(string input)
    {
        var parsed = TicketCode.Parse(input);
        return parsed.Status switch
        {
            TicketCodeParseStatus.Valid => parsed.Code!.Value,
            TicketCodeParseStatus.Mistyped => throw RequestValidationException.Invalid("code",
                $"Il codice {parsed.Canonical} sembra digitato male (il carattere di controllo non torna): farselo ripetere o rileggerlo."),
            _ => throw RequestValidationException.Invalid("code", parsed.Reason ?? "Codice di ticket non valido."),
        };
    }
}
