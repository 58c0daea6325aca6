namespace LineaHub.Schemas.Anonymisation;

/// <summary>Italian codice fiscale of a person (DM 12/03/1974): structure and check character.</summary>
public static class FiscalCode
{
    // Value of a character in an odd position (1st, 3rd, …), digits and letters share the table.
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>Positions that hold digits, which omocodia may replace with L M N P Q R S T U V.</summary>
    private static ReadOnlySpan<byte> NumericPositions => [6, 7, 9, 10, 12, 13, 14];

    private const string OmocodiaLetters = "LMNPQRSTUV";
    private const string MonthLetters = "ABCDEHLMPRST";

    /// <summary>
    /// True when the text is a well-formed codice fiscale with the right check character. Case and spaces
    /// are ignored; omocodia letters are accepted in the numeric positions.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        Span<char> code = stackalloc char[16];
        var n = 0;
        foreach (var raw in text)
        {
            if (raw == ' ') continue;
            if (n == 16) return false;
            code[n++] = char.ToUpperInvariant(raw);
        }
        return n == 16 && IsWellFormed(code) && CheckCharacter(code[..15]) == code[15];
    }

    /// <summary>The check character for the first 15 characters (upper case) of a codice fiscale.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first15)
    {
        if (first15.Length != 15) throw new ArgumentException("Fifteen characters expected.", nameof(first15));
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = char.ToUpperInvariant(first15[i]);
            var value = c is >= '0' and <= '9' ? c - '0' : c - 'A';
            // Positions are 1-based in the decree: index 0 is "odd".
            sum += i % 2 == 0 ? OddValues[value] : value;
        }
        return (char)('A' + sum % 26);
    }

    private static bool IsWellFormed(ReadOnlySpan<char> code)
    {
        for (var i = 0; i < 16; i++)
        {
            var c = code[i];
            var numeric = NumericPositions.Contains((byte)i);
            if (numeric)
            {
                if (!char.IsAsciiDigit(c) && !OmocodiaLetters.Contains(c)) return false;
            }
            else if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }
        return MonthLetters.Contains(code[8]);
    }
}
