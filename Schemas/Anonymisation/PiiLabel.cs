namespace LineaHub.Schemas.Anonymisation;

/// <summary>Kind of personal data found in free text; each has its own placeholder (see <see cref="PiiLabels.Placeholder"/>).</summary>
public enum PiiLabel
{
    /// <summary>Name of a person, <c>[NOME]</c>.</summary>
    Name,
    /// <summary>Codice fiscale, <c>[CODICE_FISCALE]</c>.</summary>
    FiscalCode,
    /// <summary>Partita IVA, <c>[PARTITA_IVA]</c>.</summary>
    VatNumber,
    /// <summary>IBAN, <c>[IBAN]</c>.</summary>
    Iban,
    /// <summary>Telephone number of a person, <c>[TELEFONO]</c>.</summary>
    Phone,
    /// <summary>E-mail or PEC address, <c>[EMAIL]</c>.</summary>
    Email,
    /// <summary>Address of a person (not the location of a public fault), <c>[INDIRIZZO]</c>.</summary>
    Address,
    /// <summary>Car number plate, <c>[TARGA]</c>.</summary>
    Plate,
    /// <summary>Number of an identity document, passport or driving licence, <c>[DOCUMENTO]</c>.</summary>
    IdentityDocument,
    /// <summary>Date of birth, <c>[DATA_NASCITA]</c>.</summary>
    BirthDate,
}
