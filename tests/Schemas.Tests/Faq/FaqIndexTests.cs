using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FaqIndex _index = new();

    public void Dispose() => _index.Dispose();

    private static FaqEntry Entry(
        string id,
        string question,
        string answer = "Risposta.",
        string category = "tributi.tari",
        FaqScope scope = FaqScope.Network,
        string? region = null,
        string? entity = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        long version = 1,
        FaqStatus status = FaqStatus.Published,
        params string[] keywords) =>
        new(id, question, answer, category, keywords, scope, region, entity, from, to, version, status);

    private List<string> Ids(string query, string? region = "13", string? entity = "E-LAQ", string? category = null) =>
        _index.Search(new FaqSearchRequest(query, region, entity, category, Now)).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Question_weighs_more_than_answer()
    {
        _index.ApplyAll([
            Entry("in-answer", "Come si paga il tributo?", "Il tributo si paga per la raccolta dei rifiuti ingombranti."),
            Entry("in-question", "Come si prenota il ritiro degli ingombranti?", "Si telefona al numero verde."),
        ]);

        Assert.Equal(["in-question", "in-answer"], Ids("ingombranti"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("tari:")]
    [InlineData("\"tari")]
    [InlineData("tari AND OR")]
    [InlineData("-tari ~2")]
    [InlineData("(tari")]
    [InlineData("tari^3 [a TO z] {x} / \\ ! ?")]
    [InlineData("&& || ")]
    public void Lucene_syntax_is_text_and_never_an_error(string query)
    {
        _index.Apply(Entry("tari", "Come si paga la TARI?"));

        var result = _index.Search(new FaqSearchRequest(query, "13", "E-LAQ", null, Now));

        Assert.Equal(query.Contains("tari", StringComparison.Ordinal) ? ["tari"] : [], result.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("", FaqQueryProblem.Empty)]
    [InlineData("   \t\n", FaqQueryProblem.Empty)]
    public void Blank_query_is_refused_with_a_validation_error(string query, FaqQueryProblem problem)
    {
        var error = Assert.Throws<FaqQueryException>(() => _index.Search(new FaqSearchRequest(query, null, null, null, Now)));
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Query_over_a_thousand_characters_is_refused_and_one_of_a_thousand_is_run()
    {
        _index.Apply(Entry("tari", "Come si paga la TARI?"));
        var longest = ("tari " + new string('x', 995))[..1_000];

        Assert.Equal(["tari"], _index.Search(new FaqSearchRequest(longest, null, null, null, Now)).Hits.Select(h => h.Id));
        var error = Assert.Throws<FaqQueryException>(() =>
            _index.Search(new FaqSearchRequest(longest + "x", null, null, null, Now)));
        Assert.Equal(FaqQueryProblem.TooLong, error.Problem);
    }

    [Fact]
    public void Only_network_own_region_and_own_entity_entries_apply()
    {
        _index.ApplyAll([
            Entry("network", "Scadenze TARI nazionali"),
            Entry("abruzzo", "Scadenze TARI in Abruzzo", scope: FaqScope.Regional, region: "13"),
            Entry("toscana", "Scadenze TARI in Toscana", scope: FaqScope.Regional, region: "09"),
            Entry("laquila", "Scadenze TARI a L'Aquila", scope: FaqScope.Local, region: "13", entity: "E-LAQ"),
            Entry("celano", "Scadenze TARI a Celano", scope: FaqScope.Local, region: "13", entity: "E-CEL"),
        ]);

        Assert.Equal(["abruzzo", "laquila", "network"], Ids("scadenze tari").Order());
        Assert.Equal(["celano", "network"], Ids("scadenze tari", region: "14", entity: "E-CEL").Order());
        Assert.Equal(["network"], Ids("scadenze tari", region: null, entity: null));
    }

    [Fact]
    public void Entries_in_scope_are_found_between_long_runs_of_other_offices_entries_and_after_changes()
    {
        // Over a thousand postings per word on each side of the asker's entries, so the scorers jump whole blocks.
        var others = Enumerable.Range(0, 1_500).SelectMany(i => new[]
        {
            Entry($"toscana-{i}", $"Scadenze TARI in Toscana {i}", scope: FaqScope.Regional, region: "09"),
            Entry($"celano-{i}", $"Scadenze TARI a Celano {i}", scope: FaqScope.Local, region: "13", entity: "E-CEL"),
        });
        var mine = Enumerable.Range(0, 4).SelectMany(i => new[]
        {
            Entry($"network-{i}", $"Scadenze TARI nazionali {i}"),
            Entry($"abruzzo-{i}", $"Scadenze TARI in Abruzzo {i}", scope: FaqScope.Regional, region: "13"),
            Entry($"laquila-{i}", $"Scadenze TARI a L'Aquila {i}", scope: FaqScope.Local, region: "13", entity: "E-LAQ"),
        }).ToList();
        List<FaqEntry> entries = [.. others.Take(1_000), .. mine.Take(6), .. others.Skip(1_000), .. mine.Skip(6)];

        // Grouped by scope and merged (Rebuild), against the same entries in their own order, in many segments.
        _index.Rebuild(entries);
        using var unordered = new FaqIndex();
        foreach (var chunk in entries.Chunk(100))
        {
            unordered.ApplyAll(chunk);
        }

        var request = new FaqSearchRequest("scadenze tari", "13", "E-LAQ", null, Now, FaqQueryRules.MaxLimit);
        var expected = unordered.Search(request).Hits.ToDictionary(h => h.Id, h => h.Score);
        var grouped = AssertHits(request, mine.Select(e => e.Id));
        Assert.Equal(expected.Keys.Order(), grouped.Keys.Order());
        Assert.All(grouped, hit => Assert.Equal(expected[hit.Key], hit.Value, 1e-5f));

        // Deletions in the merged segment (updates and a withdrawal) and a new segment with an entry in scope.
        unordered.ApplyAll(Changes());
        _index.ApplyAll(Changes());
        var now = AssertHits(request, mine.Select(e => e.Id).Where(id => id != "abruzzo-1").Append("laquila-new"));
        Assert.Equal(unordered.Search(request).Hits.Select(h => h.Id).Order(), now.Keys.Order());

        IEnumerable<FaqEntry> Changes() =>
        [
            .. others.Take(300).Select(e => e with { Question = e.Question + " aggiornata", Version = 2 }),
            mine[0] with { Question = "Scadenze TARI nazionali aggiornate", Version = 2 },
            mine[4] with { Status = FaqStatus.Archived, Version = 2 },
            Entry("laquila-new", "Nuove scadenze TARI a L'Aquila", scope: FaqScope.Local, region: "13", entity: "E-LAQ"),
        ];
    }

    // Exactly the expected entries, all of them counted (no other office's entry matched): id to score.
    private Dictionary<string, float> AssertHits(FaqSearchRequest request, IEnumerable<string> expected)
    {
        var result = _index.Search(request);
        Assert.Equal(expected.Order(), result.Hits.Select(h => h.Id).Order());
        Assert.Equal(result.Hits.Count, result.TotalHits);
        return result.Hits.ToDictionary(h => h.Id, h => h.Score);
    }

    [Fact]
    public void Category_filter_includes_subcategories()
    {
        _index.ApplyAll([
            Entry("tari", "Pagamento della tassa", category: "tributi.tari"),
            Entry("imu", "Pagamento della tassa sulla casa", category: "tributi.imu"),
            Entry("multa", "Pagamento della multa", category: "polizia-locale.sanzioni"),
        ]);

        Assert.Equal(["imu", "tari"], Ids("pagamento", category: "tributi").Order());
        Assert.Equal(["imu"], Ids("pagamento", category: "tributi.imu"));
        Assert.Empty(Ids("pagamento", category: "tributi.ta"));
    }

    [Fact]
    public void Entries_outside_their_validity_are_not_returned()
    {
        _index.ApplyAll([
            Entry("expired", "Scadenze TARI 2025", to: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Entry("future", "Scadenze TARI 2027", from: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Entry("current", "Scadenze TARI 2026", from: Now.AddDays(-1), to: Now.AddTicks(1)),
            Entry("ends-now", "Scadenze TARI fino a oggi", to: Now),
        ]);

        Assert.Equal(["current"], Ids("scadenze tari"));
    }

    [Fact]
    public void Newer_version_replaces_an_entry_and_older_one_is_ignored()
    {
        Assert.True(_index.Apply(Entry("e1", "Pagamento TARI", version: 2)));
        Assert.True(_index.Apply(Entry("e1", "Ritiro ingombranti", version: 3)));
        Assert.False(_index.Apply(Entry("e1", "Pagamento TARI", version: 2)));
        Assert.False(_index.Apply(Entry("e1", "Pagamento TARI", version: 3)));

        Assert.Empty(Ids("tari"));
        var hit = Assert.Single(_index.Search(new FaqSearchRequest("ingombranti", null, null, null, Now)).Hits);
        Assert.Equal(3, hit.Version);
        Assert.Equal(1, _index.Count);
        Assert.Equal(3, _index.HighestVersion);
    }

    [Fact]
    public void Delete_by_version_is_not_undone_by_an_older_change()
    {
        _index.Apply(Entry("e1", "Pagamento TARI", version: 1));

        Assert.False(_index.Delete("e1", 1));
        Assert.True(_index.Delete("e1", 2));
        Assert.False(_index.Apply(Entry("e1", "Pagamento TARI", version: 2)));
        Assert.Empty(Ids("tari"));
        Assert.True(_index.Apply(Entry("e1", "Pagamento TARI", version: 3)));
        Assert.Equal(["e1"], Ids("tari"));
    }

    [Theory]
    [InlineData(FaqStatus.Draft)]
    [InlineData(FaqStatus.InReview)]
    [InlineData(FaqStatus.Archived)]
    public void Unpublished_versions_remove_the_entry(FaqStatus status)
    {
        _index.Apply(Entry("e1", "Pagamento TARI", version: 1));
        _index.Apply(Entry("e1", "Pagamento TARI", version: 2, status: status));

        Assert.Empty(Ids("tari"));
        Assert.Equal(0, _index.Count);
        Assert.Equal(2, _index.VersionOf("e1"));
    }

    [Fact]
    public void Rebuild_replaces_the_content()
    {
        _index.Apply(Entry("old", "Pagamento TARI", version: 9));
        _index.Rebuild([Entry("new", "Pagamento TARI", version: 1)]);

        Assert.Equal(["new"], Ids("tari"));
        Assert.Null(_index.VersionOf("old"));
    }

    [Fact]
    public void Typos_in_longer_words_are_tolerated_but_scored_below_exact()
    {
        _index.ApplyAll([
            Entry("residenza", "Cambio di residenza"),
            Entry("residenze", "Residenze per anziani", category: "servizi-sociali.anziani-disabili"),
        ]);

        Assert.Contains("residenza", Ids("resdienza"));  // transposition, 9 letters
        Assert.Contains("residenza", Ids("redidenza"));
        Assert.Empty(Ids("reXYdeza"));                     // three edits
        var hits = _index.Search(new FaqSearchRequest("cambio resdienza", null, null, null, Now)).Hits;
        var exact = _index.Search(new FaqSearchRequest("cambio residenza", null, null, null, Now)).Hits;
        Assert.True(hits[0].Score < exact[0].Score);
    }

    [Fact]
    public void Typos_keep_the_first_letter_and_words_under_eight_letters_allow_one_edit()
    {
        _index.Apply(Entry("ingombranti", "Ritiro degli ingombranti", keywords: "materassi"));

        Assert.Equal(["ingombranti"], Ids("materasi"));     // one edit, a word only in the keywords
        Assert.Equal(["ingombranti"], Ids("ritrio"));       // one swap, six letters
        Assert.Empty(Ids("rtrio"));                         // two edits, five letters
        Assert.Empty(Ids("aingombranti"));                   // another first letter
        Assert.Equal(["ingombranti"], Ids("ingonbrnti"));   // two edits, ten letters
    }

    [Fact]
    public void Every_kind_of_edit_within_the_allowed_count_is_found()
    {
        // Random words the analysis keeps as they are (letters only, ending in a consonant, so nothing is stemmed),
        // each in its own entry, and for each a typo of one or two insertions, deletions, substitutions or swaps
        // after the first letter: the typo, unknown to the index, must find its word's entry. The words share
        // letters and lengths, so the vocabulary's groups by first letter and length are full.
        var random = new Random(20261203);
        const string Letters = "abcdefghilmnopqrstuvz";
        const string Consonants = "bcdfglmnprstvz";
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 400)
        {
            var length = random.Next(6, 13);
            var word = string.Concat(Enumerable.Range(0, length - 1).Select(_ => Letters[random.Next(Letters.Length)]))
                + Consonants[random.Next(Consonants.Length)];
            words.Add(word);
        }

        var ordered = words.ToList();
        _index.ApplyAll(ordered.Select((word, i) => Entry($"w{i}", $"Domanda {word}")));

        var tried = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var word = ordered[i];
            // As the index allows: two edits from eight letters, one from five (FaqScoring).
            var edits = word.Length >= 8 ? 2 : 1;
            var typo = word;
            for (var e = 0; e < edits; e++)
            {
                typo = Edit(typo, random, Letters);
            }

            // Only typos that stay unknown, end in a consonant and are still long enough for as many edits.
            var allowed = typo.Length >= 8 ? 2 : typo.Length >= 5 ? 1 : 0;
            if (words.Contains(typo) || !Consonants.Contains(typo[^1], StringComparison.Ordinal) || allowed < edits
                || AlignmentDistance(word, typo) > edits)
            {
                continue;
            }

            tried++;
            Assert.True(Ids(typo).Contains($"w{i}"), $"{typo} should find {word}");
        }

        Assert.True(tried > 200, $"only {tried} typos tried");
    }

    // Edits with swaps of two adjacent letters, no substring edited twice (as Lucene's FuzzyQuery counts them): a
    // deletion next to a swap can cost three.
    private static int AlignmentDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                d[i, j] = i == 0 ? j : j == 0 ? i : Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Edit(string word, Random random, string letters)
    {
        var at = random.Next(1, word.Length);
        var letter = letters[random.Next(letters.Length)];
        return random.Next(4) switch
        {
            0 => word.Insert(at, letter.ToString()),
            1 => word.Remove(at, 1),
            2 => string.Concat(word.AsSpan(0, at), letter.ToString(), word.AsSpan(at + 1)),
            _ when at + 1 < word.Length => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => word.Remove(at, 1),
        };
    }

    [Fact]
    public void Typos_find_entries_added_after_earlier_searches()
    {
        _index.Apply(Entry("tari", "Pagamento della TARI"));
        Assert.Empty(Ids("passaporto"));

        // Each change adds a segment to the index; its words must be found with typos too.
        _index.Apply(Entry("passaporto", "Rilascio del passaporto", version: 2));
        _index.Apply(Entry("cimitero", "Orari del cimitero", version: 3));

        Assert.Equal(["passaporto"], Ids("pasaporto"));
        Assert.Equal(["cimitero"], Ids("cimitreo"));
    }

    [Fact]
    public void Short_words_get_no_typo_tolerance()
    {
        _index.Apply(Entry("tari", "Pagamento della TARI"));

        Assert.Empty(Ids("tar"));
        Assert.Empty(Ids("tasi"));
    }

    [Fact]
    public void Synonyms_find_the_office_words_and_can_be_replaced_without_reindexing()
    {
        _index.ApplyAll([
            Entry("rifiuti", "Come si paga la tassa sui rifiuti?"),
            Entry("verbale", "Come si paga un verbale della polizia locale?", category: "polizia-locale.sanzioni"),
            Entry("residenza", "Cambio di residenza in un altro comune", category: "anagrafe.residenza"),
        ]);

        Assert.Equal("rifiuti", Ids("spazzatura")[0]);
        Assert.Equal("verbale", Ids("multa")[0]);
        Assert.Equal("residenza", Ids("trasloco")[0]);

        _index.UseSynonyms(FaqSynonyms.Parse("monnezza => rifiuti"));
        Assert.Empty(Ids("spazzatura"));
        Assert.Equal(["rifiuti"], Ids("monnezza"));
    }

    [Fact]
    public void Accents_and_elision_match_either_way()
    {
        _index.ApplyAll([
            Entry("cie", "Carta d'identità elettronica", category: "anagrafe.carta-identita"),
            Entry("perche", "Perche la TARI e aumentata", category: "tributi.tari"),
        ]);

        Assert.Equal("cie", Ids("carta di identita")[0]);
        Assert.Equal("perche", Ids("perché è aumentata")[0]);
    }

    [Fact]
    public void A_long_description_keeps_its_six_rarest_words()
    {
        // The i-th word is in i + 1 of the 20 entries, so "stadio" and "palestra" are the two most common.
        string[] words = ["biblioteca", "edicola", "fontana", "piscina", "teatro", "museo", "stadio", "palestra"];
        var entries = new List<FaqEntry> { Entry("all", "Domanda", answer: string.Join(' ', words) + ".") };
        entries.AddRange(Enumerable.Range(1, words.Length - 1).Select(j => Entry($"some-{j}", "Altro", answer: string.Join(' ', words[j..]) + ".")));
        entries.AddRange(Enumerable.Range(0, 12).Select(k => Entry($"other-{k}", "Altro ancora", answer: "Nessuna parola in comune.")));
        _index.ApplyAll(entries);

        var hits = _index.Search(new FaqSearchRequest(string.Join(' ', words), null, null, null, Now)).Hits;

        Assert.Equal("all", hits[0].Id);
        Assert.Equal(
            "<mark>biblioteca</mark> <mark>edicola</mark> <mark>fontana</mark> <mark>piscina</mark> <mark>teatro</mark> " +
            "<mark>museo</mark> stadio palestra.",
            hits[0].Snippet);
        Assert.DoesNotContain(hits, h => h.Id == "some-7"); // it has only "palestra", which the query no longer holds
    }

    [Fact]
    public void A_word_in_most_answers_of_a_large_index_does_not_widen_a_query_with_a_rarer_word()
    {
        _index.ApplyAll(Enumerable.Range(0, 1_200).Select(i => Entry($"e{i}", $"Orari dello sportello {i}", answer: "Lo sportello del comune apre alle nove.")));
        _index.Apply(Entry("biblioteca", "Orari della biblioteca", answer: "La biblioteca del comune apre alle dieci.", version: 2));

        Assert.Equal(["biblioteca"], Ids("biblioteca comune"));
        Assert.Equal(10, Ids("comune").Count);           // alone, the word is still searched
        Assert.Equal(10, Ids("comune sportello").Count); // and with words as common as itself
    }

    [Fact]
    public void Snippet_is_html_escaped_and_marks_the_matches()
    {
        _index.Apply(Entry(
            "e1",
            "Pagamento della TARI",
            answer: "La **TARI** si paga con <script>alert('x')</script> & l'avviso \"pagoPA\" all'anagrafe."));

        var hit = Assert.Single(_index.Search(new FaqSearchRequest("tari anagrafe", null, null, null, Now)).Hits);

        Assert.Equal(
            "La <mark>TARI</mark> si paga con &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; l&#39;avviso " +
            "&quot;pagoPA&quot; <mark>all&#39;anagrafe</mark>.",
            hit.Snippet);
    }

    [Fact]
    public void Snippet_of_a_long_answer_is_cut_around_the_matches()
    {
        var filler = string.Join(' ', Enumerable.Repeat("testo di riempimento senza parole utili.", 20));
        _index.Apply(Entry("e1", "Domanda", answer: filler + " Il contrassegno si chiede al comune. " + filler));

        var snippet = Assert.Single(_index.Search(new FaqSearchRequest("contrassegno", null, null, null, Now)).Hits).Snippet;

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>contrassegno</mark>", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 300, snippet);
    }

    [Fact]
    public async Task Searches_run_while_entries_change()
    {
        _index.ApplyAll(Enumerable.Range(0, 200).Select(i => Entry($"e{i}", $"Pagamento TARI numero {i}")));
        using var readersStarted = new CountdownEvent(2);
        var writer = Task.Run(() =>
        {
            // Start writing only once both readers are searching, so the two really overlap.
            readersStarted.Wait(TimeSpan.FromSeconds(30));
            for (var v = 2; v < 300; v++)
            {
                _index.Apply(Entry($"e{v % 200}", $"Pagamento TARI numero {v}", version: v));
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var first = true;
            do
            {
                Assert.Equal(10, Ids("pagamento tari").Count);
                if (first)
                {
                    readersStarted.Signal();
                    first = false;
                }
            }
            while (!writer.IsCompleted);
        })).ToArray();

        await Task.WhenAll(readers);
        await writer;

        Assert.Equal(200, _index.Count);
        Assert.Equal(299, _index.HighestVersion);
    }

    [Fact]
    public async Task Searches_on_many_threads_find_what_one_search_alone_finds()
    {
        // Searches borrow their segments' enumerators and give them back: running at once, none may see another's.
        _index.ApplyAll(FaqTestSet.LoadEntries());
        var queries = FaqTestSet.LoadQueries().Select(q => q.Text).ToArray();
        var alone = queries.Select(Results).ToArray();

        var together = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 3; round++)
            {
                for (var q = worker; q < queries.Length + worker; q++)
                {
                    Assert.Equal(alone[q % queries.Length], Results(queries[q % queries.Length]));
                }
            }
        })).ToArray();

        await Task.WhenAll(together);
    }

    private List<string> Results(string query)
    {
        var result = _index.Search(new FaqSearchRequest(query, FaqTestSet.AskerRegion, FaqTestSet.AskerEntity, null, FaqTestSet.Now));
        return [$"{result.TotalHits}", .. result.Hits.Select(h => $"{h.Id} {h.Score:R} {h.Snippet}")];
    }
}
