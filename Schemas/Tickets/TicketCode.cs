using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace LineaHub.Schemas.Tickets;

/// <summary>
/// The network-wide code of a ticket unico, short enough to read out on the phone: <c>LA-XXXX-XXXX</c>,
/// eight symbols of <see cref="Alphabet"/>, the last of which is a check character. Any single mistyped
/// symbol and any swap of two different symbols (adjacent or not) makes the code fail its check, so the
/// hub can answer "looks mistyped" instead of looking up a stranger's ticket.
/// </summary>
/// <remarks>
/// <para>
/// Seven random symbols give 29^7 ≈ 1.7·10^10 codes: collisions are rare but not impossible, so whoever
/// stores codes keeps them unique (a unique index) and draws again on a clash.
/// </para>
/// <para>
/// Check scheme: with the eight symbols' indices v₁…v₈ in <see cref="Alphabet"/> and weights
/// w = 8, 7, …, 1, the check v₈ is chosen so that Σ wᵢ·vᵢ ≡ 0 (mod 29). A substitution at position i
/// changes the sum by wᵢ·(b − a); a swap at positions i, j by (wᵢ − wⱼ)·(b − a). Every factor is
/// non-zero and smaller than 29 in absolute value, and 29 is prime, so the product is never a multiple
/// of 29 and the sum is no longer 0. Two independent errors slip through once in 29.
/// </para>
/// </remarks>
public sealed record TicketCode
{
    /// <summary>
    /// The 29 symbols a code uses: digits and capital letters without the groups that are taken for
    /// one another, on paper or on the phone: 0/O, 1/I/L and U/V ("u"/"vu" on a bad line, and alike in
    /// handwriting). A whole group goes, never just one member, so a reader never has to guess which one
    /// was meant. Dropping U and V also makes the size prime, which the check needs.
    /// </summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    /// <summary>What every canonical code starts with.</summary>
    public const string Prefix = "LA-";

    /// <summary>Symbols after the prefix, the check character included.</summary>
    public const int SymbolCount = 8;

    /// <summary>Length of the canonical form <c>LA-XXXX-XXXX</c>.</summary>
    public const int CanonicalLength = 12;

    // Anything longer is not someone's attempt at typing a code; refusing early bounds the work.
    private const int MaxInputLength = 64;

    private const string PrefixLetters = "LA";

    private const string LookAlikes = "0O1ILUV";

    private static readonly int Modulus = Alphabet.Length;

    private TicketCode(string canonical) => Value = canonical;

    /// <summary>The canonical form, <c>LA-XXXX-XXXX</c>.</summary>
    public string Value { get; }

    /// <summary>A new code from a cryptographically secure generator.</summary>
    public static TicketCode New() => New(RandomNumberGenerator.GetInt32);

    /// <summary>A new code drawing its seven random symbols from <paramref name="nextBelow"/>.</summary>
    /// <param name="nextBelow">Given n, returns a uniformly distributed integer in [0, n), like <see cref="Random.Next(int)"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="nextBelow"/> returns a value outside [0, n).</exception>
    public static TicketCode New(Func<int, int> nextBelow)
    {
        ArgumentNullException.ThrowIfNull(nextBelow);
        Span<char> symbols = stackalloc char[SymbolCount];
        for (var i = 0; i < SymbolCount - 1; i++)
        {
            var value = nextBelow(Modulus);
            if (value < 0 || value >= Modulus)
            {
                throw new ArgumentOutOfRangeException(nameof(nextBelow), value, $"The generator must return a value in [0, {Modulus}).");
            }

            symbols[i] = Alphabet[value];
        }

        // The check character has weight 1: it is what brings the whole sum to a multiple of 29.
        symbols[^1] = Alphabet[(Modulus - (WeightedSum(symbols[..^1]) % Modulus)) % Modulus];
        return new TicketCode(Canonical(symbols));
    }

    /// <summary>
    /// Reads a code as people type it: any case, spaces and dashes anywhere or nowhere, with or without
    /// the <c>LA</c> prefix. Says whether it is <see cref="TicketCodeParseStatus.Valid"/>,
    /// <see cref="TicketCodeParseStatus.Malformed"/> (wrong length, wrong prefix, a symbol that codes never
    /// use) or <see cref="TicketCodeParseStatus.Mistyped"/> (well formed, but the check character does not
    /// match).
    /// </summary>
    /// <remarks>
    /// Look-alikes (0, O, 1, I, L, U, V) are refused with a reason naming them, never mapped to a guess:
    /// an O could stand for 0 or Q, an I for 1 or J, and a wrong guess that happens to pass the check would
    /// open someone else's ticket.
    /// </remarks>
    public static TicketCodeParseResult Parse(string? input)
    {
        if (input is not null && input.Length > MaxInputLength)
        {
            return TicketCodeParseResult.Malformed($"Il codice è troppo lungo: un codice ticket ha la forma {Prefix}XXXX-XXXX.");
        }

        var typed = Normalise(input);
        if (typed.Length == 0)
        {
            return TicketCodeParseResult.Malformed("Codice mancante.");
        }

        // L is not in the alphabet, so a leading "LA" is always the prefix, never part of the symbols.
        var hasPrefix = typed.StartsWith(PrefixLetters, StringComparison.Ordinal);
        var symbols = hasPrefix ? typed[PrefixLetters.Length..] : typed;
        if (!hasPrefix && symbols.Length == SymbolCount + PrefixLetters.Length)
        {
            return TicketCodeParseResult.Malformed($"Un codice ticket inizia con «{Prefix}».");
        }

        foreach (var c in symbols)
        {
            if (Alphabet.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            return TicketCodeParseResult.Malformed(LookAlikes.Contains(c, StringComparison.Ordinal)
                ? $"Il carattere «{c}» non compare mai nei codici ticket, che non usano 0, O, 1, I, L, U e V: ricontrollare il codice."
                : $"Il carattere «{c}» non è ammesso in un codice ticket.");
        }

        if (symbols.Length != SymbolCount)
        {
            return TicketCodeParseResult.Malformed(string.Create(
                CultureInfo.InvariantCulture,
                $"Un codice ticket ha {SymbolCount} caratteri dopo «{Prefix}», ne sono stati scritti {symbols.Length}."));
        }

        var canonical = Canonical(symbols);
        return WeightedSum(symbols) % Modulus == 0
            ? TicketCodeParseResult.Valid(new TicketCode(canonical))
            : TicketCodeParseResult.Mistyped(canonical, $"Il codice {canonical} sembra digitato male: il carattere di controllo non corrisponde.");
    }

    /// <summary>Like <see cref="Parse"/>, but only says whether the input is a valid code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out TicketCode? code)
    {
        code = Parse(input).Code;
        return code is not null;
    }

    /// <summary>The canonical form, <c>LA-XXXX-XXXX</c>.</summary>
    public override string ToString() => Value;

    private static string Canonical(ReadOnlySpan<char> symbols) =>
        string.Concat(Prefix, symbols[..4], "-", symbols[4..]);

    private static string Normalise(string? input)
    {
        if (input is null)
        {
            return string.Empty;
        }

        var kept = new char[input.Length];
        var n = 0;
        foreach (var c in input)
        {
            // Dashes of any kind: codes get copied through word processors that turn "-" into "–".
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.DashPunctuation)
            {
                kept[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(kept, 0, n);
    }

    // Weights 8, 7, …, 1: distinct, non-zero and below 29, which is all the check argument needs;
    // the check character gets weight 1 so that it is simply minus the rest.
    private static int Weight(int position) => SymbolCount - position;

    private static int WeightedSum(ReadOnlySpan<char> symbols)
    {
        var sum = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            sum += Weight(i) * Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
        }

        return sum;
    }
}
