using System.Globalization;
using System.Text;

namespace LineaHub.Schemas.Tests.Anonymisation;

/// <summary>
/// Generates synthetic personal data with valid checksums, computed here independently of the code under test
/// (other tables, other loops) so that a shared mistake does not hide itself.
/// </summary>
internal sealed class PiiGenerators(int seed)
{
    private const string Consonants = "BCDFGHJKLMNPQRSTVZ";
    private const string Months = "ABCDEHLMPRST";
    private const string Omocodia = "LMNPQRSTUV";
    private const string PlateLetters = "ABCDEFGHJKLMNPRSTVWXYZ";

    // Odd-position values as printed in the decree, A–Z then 0–9.
    private static readonly Dictionary<char, int> OddTable = new()
    {
        ['A'] = 1, ['B'] = 0, ['C'] = 5, ['D'] = 7, ['E'] = 9, ['F'] = 13, ['G'] = 15, ['H'] = 17, ['I'] = 19, ['J'] = 21,
        ['K'] = 2, ['L'] = 4, ['M'] = 18, ['N'] = 20, ['O'] = 11, ['P'] = 3, ['Q'] = 6, ['R'] = 8, ['S'] = 12, ['T'] = 14,
        ['U'] = 16, ['V'] = 10, ['W'] = 22, ['X'] = 25, ['Y'] = 24, ['Z'] = 23,
        ['0'] = 1, ['1'] = 0, ['2'] = 5, ['3'] = 7, ['4'] = 9, ['5'] = 13, ['6'] = 15, ['7'] = 17, ['8'] = 19, ['9'] = 21,
    };

    public Random Random { get; } = new(seed);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public string Digits(int count)
    {
        var sb = new StringBuilder(count);
        for (var i = 0; i < count; i++) sb.Append((char)('0' + Random.Next(10)));
        return sb.ToString();
    }

    public static char FiscalCheck(string first15)
    {
        var total = 0;
        for (var position = 1; position <= 15; position++)
        {
            var c = first15[position - 1];
            total += position % 2 == 1
                ? OddTable[c]
                : char.IsDigit(c) ? c - '0' : c - 'A';
        }
        return (char)('A' + total % 26);
    }

    /// <summary>A codice fiscale; <paramref name="omocodia"/> digits are replaced from the right, as the Agenzia does.</summary>
    public string FiscalCode(int omocodia = 0)
    {
        var sb = new StringBuilder(16);
        for (var i = 0; i < 6; i++) sb.Append(Consonants[Random.Next(Consonants.Length)]);
        sb.Append(Random.Next(40, 100).ToString("00", CultureInfo.InvariantCulture));
        sb.Append(Months[Random.Next(12)]);
        var day = Random.Next(1, 29) + (Random.Next(2) == 0 ? 0 : 40);
        sb.Append(day.ToString("00", CultureInfo.InvariantCulture));
        sb.Append((char)('A' + Random.Next(26)));
        sb.Append(Random.Next(1, 1000).ToString("000", CultureInfo.InvariantCulture));
        int[] numeric = [14, 13, 12, 10, 9, 7, 6];
        for (var k = 0; k < omocodia; k++) sb[numeric[k]] = Omocodia[sb[numeric[k]] - '0'];
        var body = sb.ToString();
        return body + FiscalCheck(body);
    }

    public static string WrongCheck(string code) => code[..15] + (code[15] == 'Z' ? 'A' : (char)(code[15] + 1));

    public static int VatCheck(string first10)
    {
        var odd = 0;
        var even = 0;
        for (var i = 0; i < 10; i += 2) odd += first10[i] - '0';
        for (var i = 1; i < 10; i += 2)
        {
            var doubled = (first10[i] - '0') * 2;
            even += doubled / 10 + doubled % 10;
        }
        return (10 - (odd + even) % 10) % 10;
    }

    public string VatNumber()
    {
        var body = "0" + Digits(6) + Random.Next(1, 101).ToString("000", CultureInfo.InvariantCulture);
        return body + VatCheck(body);
    }

    public string InvalidVatNumber()
    {
        var valid = VatNumber();
        return valid[..10] + (char)('0' + (valid[10] - '0' + 1 + Random.Next(8)) % 10);
    }

    public static string IbanWithCheck(string country, string bban)
    {
        var rearranged = bban + country + "00";
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var chunk = char.IsLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString();
            foreach (var d in chunk) remainder = (remainder * 10 + (d - '0')) % 97;
        }
        return country + (98 - remainder).ToString("00", CultureInfo.InvariantCulture) + bban;
    }

    public string Iban(string country = "IT") => country switch
    {
        "IT" => IbanWithCheck("IT", (char)('A' + Random.Next(26)) + Digits(10) + Digits(12)),
        "DE" => IbanWithCheck("DE", Digits(18)),
        "FR" => IbanWithCheck("FR", Digits(23)),
        "ES" => IbanWithCheck("ES", Digits(20)),
        _ => throw new ArgumentOutOfRangeException(nameof(country)),
    };

    public static string Grouped(string code, int size = 4)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            if (i > 0 && i % size == 0) sb.Append(' ');
            sb.Append(code[i]);
        }
        return sb.ToString();
    }

    public string Mobile()
    {
        var prefix = Pick(["320", "328", "333", "338", "340", "347", "348", "349", "366", "380", "389", "391"]);
        var rest = Digits(7);
        var number = Random.Next(8) switch
        {
            0 => prefix + rest,
            1 => $"{prefix} {rest}",
            2 => $"{prefix} {rest[..3]} {rest[3..]}",
            3 => $"{prefix}.{rest[..3]}.{rest[3..]}",
            4 => $"{prefix}-{rest}",
            5 => $"{prefix}/{rest}",
            6 => $"{prefix} {rest[..2]} {rest[2..4]} {rest[4..]}",
            _ => $"{prefix} {rest}",
        };
        return Random.Next(4) switch
        {
            0 => "+39 " + number,
            1 => "0039 " + number,
            2 => "+39" + number.Replace(" ", "", StringComparison.Ordinal),
            _ => number,
        };
    }

    public string Landline()
    {
        var (prefix, length) = Pick<(string, int)>([("06", 8), ("02", 8), ("011", 7), ("081", 7), ("055", 7), ("051", 7), ("0865", 6), ("0471", 6), ("010", 7), ("091", 7)]);
        var rest = Digits(length);
        var number = Random.Next(5) switch
        {
            0 => $"{prefix} {rest}",
            1 => $"{prefix}/{rest}",
            2 => $"{prefix}-{rest}",
            3 => $"{prefix} {rest[..(length / 2)]} {rest[(length / 2)..]}",
            _ => prefix + rest,
        };
        return Random.Next(5) == 0 ? "+39 " + number : number;
    }

    public string Plate()
    {
        char L() => PlateLetters[Random.Next(PlateLetters.Length)];
        var digits = Digits(3);
        return Random.Next(2) == 0 ? $"{L()}{L()} {digits} {L()}{L()}" : $"{L()}{L()}{digits}{L()}{L()}";
    }

    public string ElectronicIdentityCard() => $"C{(char)('A' + Random.Next(26))}{Digits(5)}{(char)('A' + Random.Next(26))}{(char)('A' + Random.Next(26))}";

    public string Passport() => $"Y{(char)('A' + Random.Next(26))}{Digits(7)}";

    public string DrivingLicence() => $"{(char)('A' + Random.Next(26))}{(char)('A' + Random.Next(26))}{Digits(7)}{(char)('A' + Random.Next(26))}";

    public string BirthDate()
    {
        var day = Random.Next(1, 29);
        var month = Random.Next(1, 13);
        var year = Random.Next(1935, 2008);
        string[] names = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];
        return Random.Next(4) switch
        {
            0 => $"{day:00}/{month:00}/{year}",
            1 => $"{day} {names[month - 1]} {year}",
            2 => $"{day:00}.{month:00}.{year}",
            _ => $"{day:00}-{month:00}-{year}",
        };
    }
}
