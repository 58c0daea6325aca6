using LineaHub.Schemas.Tickets;

namespace LineaHub.Schemas.Tests.Tickets;

public sealed class TicketCodeTests
{
    private const int Samples = 10_000;

    // Written out here rather than read from TicketCode, so that a change to the alphabet fails a test.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    // Positions of the eight symbols in "LA-XXXX-XXXX".
    private static readonly int[] SymbolPositions = [3, 4, 5, 6, 8, 9, 10, 11];

    [Fact]
    public void The_alphabet_has_a_prime_number_of_symbols_and_no_look_alikes()
    {
        Assert.Equal(Alphabet, TicketCode.Alphabet);
        Assert.Equal(29, Alphabet.Length);
        Assert.Equal(Alphabet.Length, Alphabet.Distinct().Count());
        Assert.DoesNotContain(Alphabet, c => "0O1ILUV".Contains(c, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_new_code_is_canonical_and_parses_back_to_itself()
    {
        for (var i = 0; i < Samples; i++)
        {
            var code = TicketCode.New();

            Assert.Matches("^LA-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$", code.Value);
            Assert.Equal(code.Value, code.ToString());
            var parsed = TicketCode.Parse(code.Value);
            Assert.Equal(TicketCodeParseStatus.Valid, parsed.Status);
            Assert.Equal(code, parsed.Code);
            Assert.Equal(code.Value, parsed.Canonical);
            Assert.Null(parsed.Reason);
            Assert.True(TicketCode.TryParse(code.Value, out var again));
            Assert.Equal(code, again);
        }
    }

    [Fact]
    public void The_check_scheme_is_fixed_so_codes_already_issued_stay_valid()
    {
        // 8·5 + 7·17 + 6·1 + 5·18 + 4·7 + 3·21 + 2·26 + 1·8 = 406 = 14·29 (docs/developers/ticket-state-machine.md).
        Assert.Equal(TicketCodeParseStatus.Valid, TicketCode.Parse("LA-7K3M-9QXA").Status);
        Assert.Equal(TicketCodeParseStatus.Mistyped, TicketCode.Parse("LA-7K3M-9QX2").Status);
    }

    [Fact]
    public void Any_single_typo_is_detected()
    {
        foreach (var code in SeededCodes(seed: 1))
        {
            foreach (var position in SymbolPositions)
            {
                foreach (var other in Alphabet.Where(c => c != code[position]))
                {
                    var typo = Replace(code, position, other);

                    var parsed = TicketCode.Parse(typo);

                    Assert.True(parsed.Status == TicketCodeParseStatus.Mistyped, $"{typo} (from {code}) was {parsed.Status}");
                }
            }
        }
    }

    [Fact]
    public void Any_swap_of_two_adjacent_different_symbols_is_detected_the_check_character_included()
    {
        foreach (var code in SeededCodes(seed: 2))
        {
            for (var i = 0; i < SymbolPositions.Length - 1; i++)
            {
                AssertSwapDetected(code, SymbolPositions[i], SymbolPositions[i + 1]);
            }
        }
    }

    [Fact]
    public void Any_swap_of_two_different_symbols_is_detected_even_when_not_adjacent()
    {
        foreach (var code in SeededCodes(seed: 3))
        {
            for (var i = 0; i < SymbolPositions.Length; i++)
            {
                for (var j = i + 2; j < SymbolPositions.Length; j++)
                {
                    AssertSwapDetected(code, SymbolPositions[i], SymbolPositions[j]);
                }
            }
        }
    }

    [Fact]
    public void A_mistyped_code_is_quoted_back_in_canonical_form()
    {
        var code = TicketCode.New(new Random(4).Next).Value;
        var typo = Replace(code, 5, code[5] == '2' ? '3' : '2');

        var parsed = TicketCode.Parse(typo.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Equal(TicketCodeParseStatus.Mistyped, parsed.Status);
        Assert.Null(parsed.Code);
        Assert.Equal(typo, parsed.Canonical);
        Assert.Contains(typo, parsed.Reason, StringComparison.Ordinal);
        Assert.Contains("digitato male", parsed.Reason, StringComparison.Ordinal);
        Assert.False(TicketCode.TryParse(typo, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void What_people_type_is_read_leniently()
    {
        foreach (var code in SeededCodes(seed: 5).Take(100))
        {
            var symbols = code[3..].Replace("-", "", StringComparison.Ordinal);
            string[] typed =
            [
                code.ToLowerInvariant(),
                $"  {code}\t",
                $"LA{symbols}",
                symbols,
                symbols.ToLowerInvariant(),
                $"{symbols[..4]}-{symbols[4..]}",
                $"la {symbols[..4]} {symbols[4..]}",
                $"L A - {symbols[..2]} {symbols[2..5]} {symbols[5..]}",
                $"la\u2013{symbols[..4]}\u2013{symbols[4..]}",
                $"LA--{symbols}-",
            ];

            foreach (var input in typed)
            {
                var parsed = TicketCode.Parse(input);

                Assert.True(parsed.Status == TicketCodeParseStatus.Valid, $"'{input}' was {parsed.Status}: {parsed.Reason}");
                Assert.Equal(code, parsed.Code!.Value);
            }
        }
    }

    [Theory]
    [InlineData(null, "mancante")]
    [InlineData("", "mancante")]
    [InlineData("  - ", "mancante")]
    [InlineData("LA", "ne sono stati scritti 0")]
    [InlineData("LA-2345-678", "ne sono stati scritti 7")]
    [InlineData("2345678", "ne sono stati scritti 7")]
    [InlineData("LA-2345-67892", "ne sono stati scritti 9")]
    [InlineData("LB-2345-6789", "inizia con «LA-»")]
    [InlineData("XY23456789", "inizia con «LA-»")]
    [InlineData("LA-2345-678O", "«O» non compare mai")]
    [InlineData("LA-2345-6780", "«0» non compare mai")]
    [InlineData("la-2345-678i", "«I» non compare mai")]
    [InlineData("LA-2345-6781", "«1» non compare mai")]
    [InlineData("LA-L345-6789", "«L» non compare mai")]
    [InlineData("LA-2345-678U", "«U» non compare mai")]
    [InlineData("LA-2345-678V", "«V» non compare mai")]
    [InlineData("LA-2345-67!9", "«!» non è ammesso")]
    [InlineData("LA-2345-67_9", "«_» non è ammesso")]
    [InlineData("LA-2345-678È", "«È» non è ammesso")]
    [InlineData("LA-23456789-23456789-23456789-23456789-23456789-23456789-23456789-23456789", "troppo lungo")]
    public void Malformed_input_is_refused_as_malformed_with_a_reason(string? input, string reason)
    {
        var parsed = TicketCode.Parse(input);

        Assert.Equal(TicketCodeParseStatus.Malformed, parsed.Status);
        Assert.Null(parsed.Code);
        Assert.Null(parsed.Canonical);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
        Assert.False(TicketCode.TryParse(input, out _));
    }

    [Fact]
    public void New_codes_use_every_symbol_at_every_position()
    {
        var counts = new int[SymbolPositions.Length, Alphabet.Length];
        for (var i = 0; i < Samples; i++)
        {
            var code = TicketCode.New().Value;
            for (var p = 0; p < SymbolPositions.Length; p++)
            {
                counts[p, Alphabet.IndexOf(code[SymbolPositions[p]], StringComparison.Ordinal)]++;
            }
        }

        // Expected about 345 each, standard deviation about 18: these bounds are eight deviations away,
        // so only a skewed generator (or a check character that favours some symbols) fails them.
        for (var p = 0; p < SymbolPositions.Length; p++)
        {
            for (var s = 0; s < Alphabet.Length; s++)
            {
                Assert.InRange(counts[p, s], 200, 500);
            }
        }
    }

    [Fact]
    public void A_generator_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketCode.New(n => n));
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketCode.New(_ => -1));
    }

    [Fact]
    public void Codes_are_equal_by_value()
    {
        var code = TicketCode.New(new Random(6).Next);

        Assert.Equal(code, TicketCode.Parse(code.Value.ToLowerInvariant()).Code);
        Assert.Equal(code.GetHashCode(), TicketCode.Parse(code.Value).Code!.GetHashCode());
        Assert.NotEqual(code, TicketCode.New(new Random(7).Next));
    }

    private static void AssertSwapDetected(string code, int first, int second)
    {
        if (code[first] == code[second])
        {
            return;
        }

        var swapped = Replace(Replace(code, first, code[second]), second, code[first]);

        var parsed = TicketCode.Parse(swapped);

        Assert.True(parsed.Status == TicketCodeParseStatus.Mistyped, $"{swapped} (from {code}) was {parsed.Status}");
    }

    private static List<string> SeededCodes(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Samples).Select(_ => TicketCode.New(random.Next).Value).ToList();
    }

    private static string Replace(string code, int position, char symbol) =>
        string.Concat(code.AsSpan(0, position), [symbol], code.AsSpan(position + 1));
}
