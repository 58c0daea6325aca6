using System.Text.RegularExpressions;

namespace LineaHub.Schemas.Anonymisation;

/// <summary>
/// Finds personal data in Italian free text and replaces each span with a typed placeholder (<c>[NOME]</c>,
/// <c>[CODICE_FISCALE]</c>, …). Pure and thread-safe: no I/O, no logging, and the original text is never kept.
/// Checksum types (codice fiscale, partita IVA, IBAN) are validated; documents, dates of birth and addresses
/// need a context word; names come from embedded lists plus context (see docs/developers/anonymiser.md).
/// </summary>
public static class TextAnonymiser
{
    [ThreadStatic]
    private static List<Candidate>? cachedCandidates;

    /// <summary>Returns the redacted text and what was replaced.</summary>
    public static AnonymisedText Anonymise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = Find(text);
        return new AnonymisedText(findings.Count == 0 ? text : Redact(text, findings), findings);
    }

    /// <summary>The spans of personal data in the text, ordered by position, without changing it.</summary>
    public static IReadOnlyList<PiiFinding> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = cachedCandidates ??= new List<Candidate>(16);
        candidates.Clear();
        Collect(text, candidates);
        if (candidates.Count == 0) return [];
        return Resolve(candidates);
    }

    /// <summary>True when the text still carries something that looks personal (the hub's guard).</summary>
    public static bool ContainsPersonalData(string text) => Find(text).Count > 0;

    /// <summary>
    /// The placeholders of the kinds of personal data left in <paramref name="text"/>, e.g. <c>[NOME], [TELEFONO]</c>;
    /// null when there is none. For refusals: it names the kinds, never the data.
    /// </summary>
    public static string? DescribePersonalData(string text)
    {
        var findings = Find(text);
        return findings.Count == 0 ? null : string.Join(", ", findings.Select(f => f.Label).Distinct().Select(l => l.Placeholder()));
    }

    private static void Collect(string text, List<Candidate> into)
    {
        if (text.Contains('@')) AddAll(Patterns.Email(), PiiLabel.Email, text, into);
        foreach (var m in Patterns.FiscalCode().EnumerateMatches(text))
        {
            if (FiscalCode.IsValid(text.AsSpan(m.Index, m.Length))) Add(into, PiiLabel.FiscalCode, m.Index, m.Length);
        }
        FindIbans(text, into);
        FindVatNumbers(text, into);
        FindPhones(text, into);
        AddAll(Patterns.Plate(), PiiLabel.Plate, text, into);
        FindDocuments(text, into);
        AddGroup(Patterns.BirthDate(), "date", PiiLabel.BirthDate, text, into);
        AddGroup(Patterns.PersonalAddress(), "addr", PiiLabel.Address, text, into);
        FindIntroducedNames(text, into);
        NameFinder.Find(text, into);
    }

    private static void FindIbans(string text, List<Candidate> into)
    {
        Span<char> code = stackalloc char[34];
        foreach (var m in Patterns.Iban().EnumerateMatches(text))
        {
            var country = text.AsSpan(m.Index, 2);
            Span<char> upperCountry = [char.ToUpperInvariant(country[0]), char.ToUpperInvariant(country[1])];
            var length = Iban.LengthFor(upperCountry);
            if (length == 0) continue;
            // The pattern is greedy; the country's length says where the IBAN really ends.
            var n = 0;
            var end = m.Index;
            while (end < text.Length && n < length)
            {
                var c = text[end];
                if (c == ' ')
                {
                    end++;
                    continue;
                }
                if (!char.IsAsciiLetterOrDigit(c)) break;
                code[n++] = char.ToUpperInvariant(c);
                end++;
            }
            if (n != length || (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))) continue;
            if (Iban.Mod97(code[..n]) == 1) Add(into, PiiLabel.Iban, m.Index, end - m.Index);
        }
    }

    private static void FindVatNumbers(string text, List<Candidate> into)
    {
        foreach (var m in Patterns.VatNumber().EnumerateMatches(text))
        {
            var digits = text.AsSpan(m.Index + m.Length - 11, 11);
            if (!VatNumber.IsValid(digits)) continue;
            // A number announced as a phone is a phone even when its digits happen to pass the check.
            if (Patterns.PhoneCue().IsMatch(Before(text, m.Index, 30))) continue;
            Add(into, PiiLabel.VatNumber, m.Index, m.Length);
        }
    }

    private static void FindPhones(string text, List<Candidate> into)
    {
        foreach (var m in Patterns.Phone().EnumerateMatches(text))
        {
            var span = text.AsSpan(m.Index, m.Length);
            if (Patterns.NumericDate().IsMatch(span)) continue;
            if (!PlausiblePhone(span)) continue;
            var before = Before(text, m.Index, 50);
            if (Patterns.NumberIsNotPhoneCue().IsMatch(before)) continue;
            if (before.TrimEnd().EndsWith('€')) continue;
            var after = text.AsSpan(m.Index + m.Length);
            var afterTrimmed = after.TrimStart();
            if (afterTrimmed.StartsWith("€") || afterTrimmed.StartsWith("euro", StringComparison.OrdinalIgnoreCase)) continue;
            if (IsPublicNumber(before)) continue;
            Add(into, PiiLabel.Phone, m.Index, m.Length);
        }
    }

    private static bool PlausiblePhone(ReadOnlySpan<char> span)
    {
        Span<char> digits = stackalloc char[24];
        var n = 0;
        foreach (var c in span)
        {
            if (char.IsAsciiDigit(c) && n < digits.Length) digits[n++] = c;
        }
        var number = digits[..n];
        var prefixed = span[0] == '+' || (span.StartsWith("00") && number.StartsWith("0039") && number.Length >= 12);
        if (span[0] == '+') number = number[2..];
        else if (prefixed) number = number[4..];
        if (number.IsEmpty) return false;
        return number[0] == '3' ? number.Length is 9 or 10 : number.Length is >= 8 and <= 11;
    }

    private static bool IsPublicNumber(ReadOnlySpan<char> before)
    {
        var m = Patterns.PublicNumberCue().EnumerateMatches(before);
        if (!m.MoveNext()) return false;
        // "il mio cellulare" after the office cue makes it personal again.
        var tail = before[m.Current.Index..];
        return !Patterns.PersonalNumberCue().IsMatch(tail);
    }

    private static void FindDocuments(string text, List<Candidate> into)
    {
        foreach (var m in Patterns.ElectronicIdentityCard().EnumerateMatches(text))
        {
            Add(into, PiiLabel.IdentityDocument, m.Index, m.Length);
        }
        for (var m = Patterns.DocumentWithContext().Match(text); m.Success; m = m.NextMatch())
        {
            var doc = m.Groups["doc"];
            var digits = 0;
            foreach (var c in doc.ValueSpan)
            {
                if (char.IsAsciiDigit(c)) digits++;
            }
            if (digits >= 3) Add(into, PiiLabel.IdentityDocument, doc.Index, doc.Length);
        }
    }

    private static void FindIntroducedNames(string text, List<Candidate> into)
    {
        for (var m = Patterns.IntroducedName().Match(text); m.Success; m = m.NextMatch())
        {
            var name = m.Groups["name"];
            var span = text.AsSpan(name.Index, name.Length);
            // Stop at a word that starts a place or an office ("la signora Rossi Via Roma").
            var length = 0;
            var position = 0;
            while (position < span.Length)
            {
                var next = span[position..].IndexOfAny(' ', '\t', '\n');
                var word = next < 0 ? span[position..] : span.Slice(position, next);
                if (NameLists.StopWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(TrimElision(word))) break;
                length = position + word.Length;
                if (next < 0) break;
                position += next + 1;
            }
            if (length > 0) Add(into, PiiLabel.Name, name.Index, length);
        }
    }

    private static ReadOnlySpan<char> TrimElision(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '’');
        return apostrophe < 0 ? word : word[(apostrophe + 1)..];
    }

    private static ReadOnlySpan<char> Before(string text, int index, int width)
    {
        var start = Math.Max(0, index - width);
        return text.AsSpan(start, index - start);
    }

    private static void AddAll(Regex regex, PiiLabel label, string text, List<Candidate> into)
    {
        foreach (var m in regex.EnumerateMatches(text)) Add(into, label, m.Index, m.Length);
    }

    private static void AddGroup(Regex regex, string group, PiiLabel label, string text, List<Candidate> into)
    {
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            var g = m.Groups[group];
            var length = g.Length;
            // Trailing spaces or punctuation caught by optional parts are not part of the value.
            while (length > 0 && text[g.Index + length - 1] is ' ' or ',' or '.' or '\t') length--;
            if (length > 0) Add(into, label, g.Index, length);
        }
    }

    private static void Add(List<Candidate> into, PiiLabel label, int start, int length) =>
        into.Add(new Candidate(label, start, length, Candidate.PriorityOf(label)));

    private static PiiFinding[] Resolve(List<Candidate> candidates)
    {
        // Higher priority first, then longer: checksum types beat phones, anything beats a name.
        candidates.Sort(static (a, b) => a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : b.Length.CompareTo(a.Length));
        var accepted = new List<PiiFinding>(candidates.Count);
        foreach (var c in candidates)
        {
            var merged = false;
            var blocked = false;
            for (var k = 0; k < accepted.Count; k++)
            {
                var a = accepted[k];
                if (c.Start >= a.End || a.Start >= c.End) continue;
                if (a.Label == c.Label)
                {
                    // Two detectors saw the same name: keep the union.
                    var start = Math.Min(a.Start, c.Start);
                    accepted[k] = a with { Start = start, Length = Math.Max(a.End, c.End) - start };
                    merged = true;
                    break;
                }
                blocked = true;
                break;
            }
            if (!merged && !blocked) accepted.Add(new PiiFinding(c.Label, c.Start, c.Length));
        }
        accepted.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return [.. accepted];
    }

    private static string Redact(string text, IReadOnlyList<PiiFinding> findings)
    {
        var length = text.Length;
        foreach (var f in findings) length += f.Label.Placeholder().Length - f.Length;
        return string.Create(length, (text, findings), static (destination, state) =>
        {
            var (source, spans) = state;
            var written = 0;
            var read = 0;
            foreach (var f in spans)
            {
                source.AsSpan(read, f.Start - read).CopyTo(destination[written..]);
                written += f.Start - read;
                var placeholder = f.Label.Placeholder();
                placeholder.CopyTo(destination[written..]);
                written += placeholder.Length;
                read = f.End;
            }
            source.AsSpan(read).CopyTo(destination[written..]);
        });
    }
}
