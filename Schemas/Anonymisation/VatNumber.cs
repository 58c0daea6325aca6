namespace LineaHub.Schemas.Anonymisation;

/// <summary>Italian partita IVA: eleven digits, a provincial office code and a Luhn-like check digit.</summary>
public static class VatNumber
{
    /// <summary>True when the eleven digits carry the right check digit and a plausible office code.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 11) return false;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        // Positions 8–10 are the office code: 001–100 for provinces, 120/121 and 888/999 for special cases.
        var office = (digits[7] - '0') * 100 + (digits[8] - '0') * 10 + (digits[9] - '0');
        if (office is 0 or (> 100 and not (120 or 121 or 888 or 999))) return false;
        if (digits[..7].IndexOfAnyExcept('0') < 0) return false;
        return CheckDigit(digits[..10]) == digits[10] - '0';
    }

    /// <summary>Check digit for the first ten digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first10)
    {
        if (first10.Length != 10) throw new ArgumentException("Ten digits expected.", nameof(first10));
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = first10[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
