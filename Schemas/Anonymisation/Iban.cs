namespace LineaHub.Schemas.Anonymisation;

/// <summary>IBAN (ISO 13616): country length and mod-97 check, for Italy and the other EU/EEA countries.</summary>
public static class Iban
{
    private static readonly Dictionary<string, int> LengthByCountry = new(StringComparer.Ordinal)
    {
        ["IT"] = 27, ["SM"] = 27, ["VA"] = 22, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["HR"] = 21, ["CY"] = 28,
        ["CZ"] = 24, ["DK"] = 18, ["EE"] = 20, ["FI"] = 18, ["FR"] = 27, ["DE"] = 22, ["GR"] = 27, ["HU"] = 28,
        ["IE"] = 22, ["LV"] = 21, ["LT"] = 20, ["LU"] = 20, ["MT"] = 31, ["NL"] = 18, ["PL"] = 28, ["PT"] = 25,
        ["RO"] = 24, ["SK"] = 24, ["SI"] = 19, ["ES"] = 24, ["SE"] = 24, ["CH"] = 21, ["NO"] = 15, ["IS"] = 26,
        ["LI"] = 21, ["MC"] = 27, ["GB"] = 22,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lengths =
        LengthByCountry.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Length of an IBAN for a country code (upper case), or 0 when the country is not known.</summary>
    public static int LengthFor(ReadOnlySpan<char> country) => Lengths.TryGetValue(country, out var length) ? length : 0;

    /// <summary>True when the text (spaces and case ignored) is an IBAN of the right length with a valid mod-97 check.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        Span<char> code = stackalloc char[34];
        var n = 0;
        foreach (var raw in text)
        {
            if (raw == ' ') continue;
            if (n == code.Length || !char.IsAsciiLetterOrDigit(raw)) return false;
            code[n++] = char.ToUpperInvariant(raw);
        }
        if (n < 15 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1])
            || !char.IsAsciiDigit(code[2]) || !char.IsAsciiDigit(code[3]))
        {
            return false;
        }
        return LengthFor(code[..2]) == n && Mod97(code[..n]) == 1;
    }

    /// <summary>Remainder mod 97 of the IBAN rearranged as the standard says (first four characters moved to the end, letters as 10–35).</summary>
    public static int Mod97(ReadOnlySpan<char> upperCode)
    {
        var remainder = 0;
        for (var k = 0; k < upperCode.Length; k++)
        {
            var c = upperCode[(k + 4) % upperCode.Length];
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }
}
