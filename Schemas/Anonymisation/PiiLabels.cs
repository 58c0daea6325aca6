namespace LineaHub.Schemas.Anonymisation;

/// <summary>Placeholders written in place of each <see cref="PiiLabel"/>.</summary>
public static class PiiLabels
{
    /// <summary>Every label, in declaration order.</summary>
    public static IReadOnlyList<PiiLabel> All { get; } = Enum.GetValues<PiiLabel>();

    /// <summary>The placeholder that replaces a span of this kind, e.g. <c>[CODICE_FISCALE]</c>.</summary>
    public static string Placeholder(this PiiLabel label) => label switch
    {
        PiiLabel.Name => "[NOME]",
        PiiLabel.FiscalCode => "[CODICE_FISCALE]",
        PiiLabel.VatNumber => "[PARTITA_IVA]",
        PiiLabel.Iban => "[IBAN]",
        PiiLabel.Phone => "[TELEFONO]",
        PiiLabel.Email => "[EMAIL]",
        PiiLabel.Address => "[INDIRIZZO]",
        PiiLabel.Plate => "[TARGA]",
        PiiLabel.IdentityDocument => "[DOCUMENTO]",
        PiiLabel.BirthDate => "[DATA_NASCITA]",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };
}
