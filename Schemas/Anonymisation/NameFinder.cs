using System.Buffers;

namespace LineaHub.Schemas.Anonymisation;

/// <summary>
/// Finds names from the embedded lists, without a cue: runs of adjacent capitalised words are kept as a name when
/// they hold a known first name or surname that is not also an ordinary word, or two known words together
/// ("Rosa Bianco"). A run right after a street or institution word ("via Giuseppe Verdi", "scuola Gianni Rodari")
/// is a place, not a person.
/// </summary>
internal static class NameFinder
{
    [Flags]
    private enum Kind : ushort
    {
        None = 0,
        Capitalised = 1,
        First = 2,
        Surname = 4,
        AmbiguousFirst = 8,
        AmbiguousSurname = 16,
        Stop = 32,
        PlacePrefix = 64,
        Particle = 128,
        ElidedParticle = 256,
        CompoundBase = 512,
        AfterSpace = 1024,
        AfterApostrophe = 2048,
        SentenceStart = 4096,
    }

    private record struct Token(int Start, int Length, Kind Kind)
    {
        public readonly int End => Start + Length;
        public readonly bool Has(Kind kind) => (Kind & kind) != 0;
    }

    // A run element: a word, or a particle with the word it introduces.
    private record struct Unit(int Start, int End, bool Strong, bool Known, bool FirstName, bool WeakCompound);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> First = NameLists.FirstNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Surnames = NameLists.Surnames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousFirst = NameLists.AmbiguousFirstNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousSurnames = NameLists.AmbiguousSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop = NameLists.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacePrefixes = NameLists.PlacePrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = NameLists.Particles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Elided = NameLists.ElidedParticles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundBases = NameLists.CompoundSurnameBases.GetAlternateLookup<ReadOnlySpan<char>>();

    // "La Rosa" and "Lo Russo" are surnames, but "La Giunta" and "Lo Stato" are not: these need a listed word after.
    private static readonly HashSet<string> ArticleParticles = new(StringComparer.Ordinal) { "La", "Lo", "Li", "Da", "Dal", "Dalla" };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Articles = ArticleParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Find(string text, List<Candidate> into)
    {
        var tokens = ArrayPool<Token>.Shared.Rent(text.Length / 2 + 2);
        var units = ArrayPool<Unit>.Shared.Rent(text.Length / 2 + 2);
        try
        {
            var count = Tokenise(text, tokens);
            var i = 0;
            while (i < count)
            {
                if (!StartsRun(text, tokens, count, i))
                {
                    i++;
                    continue;
                }
                var runStart = i;
                var unitCount = 0;
                while (i < count && (runStart == i || tokens[i].Has(Kind.AfterSpace) || tokens[i].Has(Kind.AfterApostrophe)) && StartsRun(text, tokens, count, i))
                {
                    if (IsParticleBefore(text, tokens, count, i))
                    {
                        var word = tokens[i + 1];
                        var known = word.Has(Kind.First | Kind.Surname | Kind.AmbiguousFirst | Kind.AmbiguousSurname | Kind.CompoundBase);
                        var article = Articles.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length));
                        if (article && !known) break;
                        units[unitCount++] = new Unit(tokens[i].Start, word.End, Strong: known, Known: true, FirstName: false, WeakCompound: !known);
                        i += 2;
                    }
                    else
                    {
                        var t = tokens[i];
                        var ambiguous = t.Has(Kind.AmbiguousFirst | Kind.AmbiguousSurname);
                        var listed = t.Has(Kind.First | Kind.Surname);
                        units[unitCount++] = new Unit(t.Start, t.End, Strong: listed && !ambiguous, Known: listed || ambiguous,
                            FirstName: t.Has(Kind.First | Kind.AmbiguousFirst), WeakCompound: false);
                        i++;
                    }
                }
                if (unitCount == 0)
                {
                    i = runStart + 1;
                    continue;
                }
                if (!AfterPlacePrefix(text, tokens, runStart))
                {
                    Decide(units.AsSpan(0, unitCount), tokens[runStart].Has(Kind.SentenceStart), into);
                }
            }
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
            ArrayPool<Unit>.Shared.Return(units);
        }
    }

    private static void Decide(Span<Unit> run, bool sentenceStart, List<Candidate> into)
    {
        var first = 0;
        var last = run.Length - 1;
        // Leading unknown words are greetings or sentence openers, except one before a surname mid-sentence ("Ilenia Rossi").
        while (first <= last && !run[first].Known)
        {
            if (!sentenceStart && first + 1 <= last && run[first + 1].Strong && !run[first + 1].FirstName && first + 1 == last) break;
            first++;
            sentenceStart = false;
        }
        // One unknown word may follow a first name as its surname ("Giulia Zanfrotti"); others end the name.
        while (last >= first && !run[last].Known)
        {
            if (last - 1 >= first && run[last - 1].FirstName && (last - 2 < first || run[last - 2].Known)) break;
            last--;
        }
        if (first > last) return;
        var strong = false;
        var known = 0;
        for (var k = first; k <= last; k++)
        {
            strong |= run[k].Strong || run[k].WeakCompound;
            if (run[k].Known) known++;
        }
        if (strong || known >= 2)
        {
            into.Add(new Candidate(PiiLabel.Name, run[first].Start, run[last].End - run[first].Start, Candidate.NamePriority));
        }
    }

    private static bool StartsRun(string text, Token[] tokens, int count, int i)
    {
        var t = tokens[i];
        if (IsParticleBefore(text, tokens, count, i)) return true;
        return t.Has(Kind.Capitalised) && !t.Has(Kind.Stop) && !t.Has(Kind.Particle | Kind.ElidedParticle);
    }

    private static bool IsParticleBefore(string text, Token[] tokens, int count, int i)
    {
        if (i + 1 >= count) return false;
        var t = tokens[i];
        var next = tokens[i + 1];
        if (!next.Has(Kind.Capitalised) || next.Has(Kind.Stop)) return false;
        return (t.Has(Kind.Particle) && next.Has(Kind.AfterSpace)) || (t.Has(Kind.ElidedParticle) && next.Has(Kind.AfterApostrophe));
    }

    private static bool AfterPlacePrefix(string text, Token[] tokens, int runStart)
    {
        // One or two words back: "via Verdi", "via dei Mille", "scuola elementare Gianni Rodari", "p.zza Garibaldi".
        for (var back = 1; back <= 2 && runStart - back >= 0; back++)
        {
            var joined = tokens[runStart - back + 1];
            if (!joined.Has(Kind.AfterSpace | Kind.AfterApostrophe) && !(back == 1 && IsAbbreviationGap(text, tokens[runStart - 1], joined))) return false;
            if (tokens[runStart - back].Has(Kind.PlacePrefix)) return true;
        }
        return false;
    }

    private static bool IsAbbreviationGap(string text, Token before, Token after)
    {
        var gap = text.AsSpan(before.End, after.Start - before.End);
        return gap.Length is 2 or 3 && gap[0] == '.' && gap[1..].Trim().IsEmpty;
    }

    private static int Tokenise(string text, Token[] tokens)
    {
        var count = 0;
        var i = 0;
        var previousEnd = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            var word = text.AsSpan(start, i - start);
            var gap = text.AsSpan(previousEnd, start - previousEnd);
            var kind = Classify(word);
            if (count > 0)
            {
                if (gap.Length > 0 && gap.IndexOfAnyExcept(' ', '\t') < 0) kind |= Kind.AfterSpace;
                else if (gap is "'" or "’") kind |= Kind.AfterApostrophe;
            }
            if (count == 0 || EndsSentence(gap)) kind |= Kind.SentenceStart;
            // A word inside an e-mail address or a code is never a name on its own.
            if (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] is '@' or '_' or '.' && start >= 2 && char.IsLetter(text[start - 2])))
            {
                kind &= ~Kind.Capitalised;
            }
            if (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '@' or '_')) kind &= ~Kind.Capitalised;
            tokens[count++] = new Token(start, i - start, kind);
            previousEnd = i;
        }
        return count;
    }

    private static bool EndsSentence(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '«' or '(' or '-') return true;
        }
        return false;
    }

    private static Kind Classify(ReadOnlySpan<char> word)
    {
        var kind = Kind.None;
        if (char.IsUpper(word[0]) && word.Length >= 2)
        {
            kind |= Kind.Capitalised;
            if (First.Contains(word)) kind |= Kind.First;
            if (Surnames.Contains(word)) kind |= Kind.Surname;
            if (AmbiguousFirst.Contains(word)) kind |= Kind.AmbiguousFirst;
            if (AmbiguousSurnames.Contains(word)) kind |= Kind.AmbiguousSurname;
            if (CompoundBases.Contains(word)) kind |= Kind.CompoundBase;
            if (Stop.Contains(word)) kind |= Kind.Stop;
            if (Particles.Contains(word)) kind |= Kind.Particle;
        }
        if (word.Length <= 4 && char.IsUpper(word[0]) && Elided.Contains(word)) kind |= Kind.ElidedParticle;
        if (word.Length == 1 && word[0] == 'D') kind |= Kind.ElidedParticle;
        if (PlacePrefixes.Contains(word)) kind |= Kind.PlacePrefix;
        return kind;
    }
}
