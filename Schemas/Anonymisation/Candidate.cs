namespace LineaHub.Schemas.Anonymisation;

/// <summary>A span some detector proposes; overlaps are settled by priority (checksums first, names last).</summary>
internal readonly record struct Candidate(PiiLabel Label, int Start, int Length, int Priority)
{
    public const int NamePriority = 10;

    public int End => Start + Length;

    public static int PriorityOf(PiiLabel label) => label switch
    {
        PiiLabel.Email => 100,
        PiiLabel.Iban => 95,
        PiiLabel.FiscalCode => 90,
        PiiLabel.VatNumber => 85,
        PiiLabel.IdentityDocument => 80,
        PiiLabel.BirthDate => 75,
        PiiLabel.Phone => 70,
        PiiLabel.Plate => 65,
        PiiLabel.Address => 60,
        _ => NamePriority,
    };
}
