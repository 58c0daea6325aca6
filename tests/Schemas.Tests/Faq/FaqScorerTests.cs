using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LineaHub.Schemas.Faq;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace LineaHub.Schemas.Tests.Faq;

/// <summary>
/// <see cref="FaqScorer"/> against Lucene's own scorers on the same queries: for the labelled queries and a
/// thousand random ones (words of the entries, some misspelt, some without accents), over an index of three
/// segments with deleted documents, for askers in different scopes, with and without a category, the same number
/// of hits, the same scores (to a millionth: a best-of adds its parts in another order) and the same hits in the
/// same order, except where two scores tie to that precision.
/// </summary>
public sealed class FaqScorerTests : IDisposable
{
    private const float Tolerance = 1e-6f;

    private static readonly (string? Region, string? Entity, string? Category)[] Askers =
    [
        ("13", "E-LAQ", null),
        ("01", "E-TOR", null),
        ("12", null, null),
        (null, null, null),
        ("13", "E-LAQ", "tributi"),
    ];

    private static readonly FilteredQuery.FilterStrategy AskerDocsFirst = new RandomAccessAlways();

    private readonly ItalianFaqAnalyzer _analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly SynonymMatcher _synonyms;
    private readonly ConcurrentDictionary<(string?, string?, string?), Filter> _askerFilters = new();
    private readonly List<FaqEntry> _entries;

    public FaqScorerTests()
    {
        var similarity = new FaqSimilarity();
        _synonyms = new SynonymMatcher(FaqSynonyms.Default, _analyzer);
        _entries = Variations(FaqTestSet.LoadEntries(), copies: 12, new Random(20261204));
        var config = new IndexWriterConfig(ItalianFaqAnalyzer.Version, _analyzer) { Similarity = similarity };
        using (var writer = new IndexWriter(_directory, config))
        {
            // Two segments of new entries, then changes to some of them: deletions in both and a third segment.
            var half = _entries.Count / 2;
            foreach (var entry in _entries.Take(half))
            {
                writer.AddDocument(FaqDocuments.From(entry, FaqShownEntry.From(entry).PlainAnswer));
            }

            writer.Commit();
            foreach (var entry in _entries.Skip(half))
            {
                writer.AddDocument(FaqDocuments.From(entry, FaqShownEntry.From(entry).PlainAnswer));
            }

            writer.Commit();
            foreach (var entry in _entries.Where((_, i) => i % 17 == 0).ToList())
            {
                var changed = entry with { Answer = entry.Answer + " Aggiornato.", Version = 2 };
                writer.UpdateDocument(new Term(FaqFields.Id, entry.Id), FaqDocuments.From(changed, FaqShownEntry.From(changed).PlainAnswer));
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        FaqSegment.Warm(_reader);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    [Fact]
    public void The_index_has_what_the_comparison_needs()
    {
        Assert.Equal(3, _reader.Leaves.Count);
        Assert.True(_reader.HasDeletions);
        Assert.True(_reader.MaxDoc > FaqScoring.CommonTermMinDocs, "common terms are left out only in an index this large");
    }

    [Fact]
    public void Labelled_queries_score_as_Lucene_scores_them()
    {
        var compared = Compare(FaqTestSet.LoadQueries().Select(q => q.Text));

        Assert.True(compared.WithHits >= 900, $"only {compared.WithHits} searches had hits");
        Assert.True(compared.Excluded > 0, "no search met an entry out of its validity");
        Assert.True(compared.Conjunctions > 0, "no query had a synonym phrase (all of its words)");
    }

    [Fact]
    public void Random_queries_score_as_Lucene_scores_them()
    {
        var random = new Random(4122026);
        var words = _entries.SelectMany(e => (e.Question + " " + e.Answer).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var queries = Enumerable.Range(0, 1_000).Select(_ => RandomQuery(random, words)).ToList();

        var compared = Compare(queries);

        Assert.True(compared.WithHits >= 4_000, $"only {compared.WithHits} searches had hits");
    }

    [Fact]
    public void Synonym_phrases_score_as_Lucene_scores_them()
    {
        // Each phrase of the shipped synonyms alone, after another word and with a word no entry has: a phrase of which
        // the index knows one word is a query of one clause with a boost of its own.
        var phrases = FaqSynonyms.Default.Rules.Select(r => r.Phrase).Where(p => p.Contains(' ', StringComparison.Ordinal)).ToList();
        var queries = phrases.SelectMany(p => new[] { p, "come " + p, p.Replace(" ", " zqxw ", StringComparison.Ordinal), p.Split(' ')[0] + " zqxwy" });

        var compared = Compare(queries);

        Assert.True(phrases.Count >= 10, $"only {phrases.Count} phrases in the shipped synonyms");
        Assert.True(compared.Conjunctions > 0, "no query had a synonym phrase (all of its words)");
    }

    [Fact]
    public void A_query_it_does_not_know_is_refused_not_scored_wrongly()
    {
        using var lookup = new FaqTermLookup(_reader);
        var request = new FaqSearchRequest("x", "13", "E-LAQ", null, FaqTestSet.Now);
        var phrase = new PhraseQuery { new Term(FaqFields.Question, "carta"), new Term(FaqFields.Question, "identita") };

        Assert.Throws<NotSupportedException>(() =>
            FaqScorer.Search(_searcher, lookup, phrase, FaqFilters.Cached(request, _askerFilters), [], 10));
    }

    private (int WithHits, int Excluded, int Conjunctions) Compare(IEnumerable<string> texts)
    {
        int withHits = 0, excluded = 0, conjunctions = 0;
        foreach (var text in texts)
        {
            foreach (var (region, entity, category) in Askers)
            {
                var request = new FaqSearchRequest(text, region, entity, category, FaqTestSet.Now, Limit: 10);
                using var lookup = new FaqTermLookup(_reader);
                if (FaqQueryBuilder.Build(text, _analyzer, _synonyms, lookup) is not { } plan)
                {
                    continue;
                }

                // Lucene's rewrite may change boosts inside the query it rewrites: each Lucene search gets a plan of its own.
                var filter = FaqFilters.Cached(request, _askerFilters);
                var mine = FaqScorer.Search(_searcher, lookup, plan.Query, filter, FaqFilters.Invalid(request.Now), request.Limit);
                var lucene = LuceneSearch(Plan(text, lookup), filter, FaqFilters.Invalid(request.Now), request.Limit);
                AssertSame(text, request, lucene, mine);

                withHits += mine.TotalHits > 0 ? 1 : 0;
                excluded += LuceneSearch(Plan(text, lookup), filter, [], request.Limit).TotalHits > lucene.TotalHits ? 1 : 0;
                conjunctions += HasConjunction(_searcher.Rewrite(Plan(text, lookup))) ? 1 : 0;
            }
        }

        return (withHits, excluded, conjunctions);
    }

    private Query Plan(string text, FaqTermLookup lookup) => FaqQueryBuilder.Build(text, _analyzer, _synonyms, lookup)!.Query;

    private TopDocs LuceneSearch(Query plan, Filter filter, IEnumerable<Query> excluded, int limit)
    {
        var query = new BooleanQuery(disableCoord: true) { { plan, Occur.MUST } };
        foreach (var invalid in excluded)
        {
            query.Add(invalid, Occur.MUST_NOT);
        }

        return _searcher.Search(new FilteredQuery(query, filter, AskerDocsFirst), limit);
    }

    private static void AssertSame(string text, FaqSearchRequest request, TopDocs lucene, TopDocs mine)
    {
        var where = $"\"{text}\" for {request.RegionCode}/{request.EntityCode}/{request.CategoryCode}";
        Assert.True(lucene.TotalHits == mine.TotalHits, $"{where}: {mine.TotalHits} hits, Lucene {lucene.TotalHits}");
        Assert.True(lucene.ScoreDocs.Length == mine.ScoreDocs.Length, $"{where}: {mine.ScoreDocs.Length} top hits, Lucene {lucene.ScoreDocs.Length}");
        for (var i = 0; i < mine.ScoreDocs.Length; i++)
        {
            Assert.True(
                Close(lucene.ScoreDocs[i].Score, mine.ScoreDocs[i].Score),
                $"{where}: score {mine.ScoreDocs[i].Score:R} at {i}, Lucene {lucene.ScoreDocs[i].Score:R}");
        }

        // Where the hits differ, it is a tie to the tolerance: the same document has the same score in both lists, and
        // one missing from the other list scores what the last hit there does.
        AssertTiesOnly(where, mine.ScoreDocs, lucene.ScoreDocs);
        AssertTiesOnly(where, lucene.ScoreDocs, mine.ScoreDocs);
    }

    private static void AssertTiesOnly(string where, ScoreDoc[] these, ScoreDoc[] others)
    {
        var scores = others.ToDictionary(h => h.Doc, h => h.Score);
        for (var i = 0; i < these.Length; i++)
        {
            var hit = these[i];
            var compared = scores.TryGetValue(hit.Doc, out var score) ? score : others[^1].Score;
            Assert.True(Close(hit.Score, compared), $"{where}: document {hit.Doc} scores {hit.Score:R} at {i}, {compared:R} in the other list");
            Assert.True(hit.Doc == others[i].Doc || Close(hit.Score, others[i].Score), $"{where}: document {hit.Doc} at {i}, {others[i].Doc} in the other list");
        }
    }

    private static bool Close(float a, float b) => Math.Abs(a - b) <= Tolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static bool HasConjunction(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Any(c => c.Occur == Occur.MUST) || boolean.Clauses.Any(c => HasConjunction(c.Query)),
        DisjunctionMaxQuery best => best.Disjuncts.Any(HasConjunction),
        _ => false,
    };

    // 1 to 8 words of the entries; a longer word sometimes misspelt (a letter dropped or two swapped), sometimes
    // without its accents, as operators type.
    private static string RandomQuery(Random random, string[] words)
    {
        var query = new StringBuilder();
        for (var i = random.Next(1, 9); i > 0; i--)
        {
            var word = words[random.Next(words.Length)].Trim(',', '.', ';', ':', '(', ')');
            if (word.Length >= 6 && random.Next(4) == 0)
            {
                var at = random.Next(1, word.Length - 1);
                word = random.Next(2) == 0 ? word.Remove(at, 1) : word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
            }

            if (random.Next(5) == 0)
            {
                word = WithoutAccents(word);
            }

            query.Append(word).Append(' ');
        }

        return query.ToString().Trim() is { Length: > 0 } text ? text : "comune";
    }

    private static string WithoutAccents(string word) => new(word.Normalize(NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    // Copies of the labelled entries in other scopes (network, three regions, three entities), some expired and some
    // not yet valid, their answers' sentences in another order: many documents per term, in every kind of scope.
    private static List<FaqEntry> Variations(IReadOnlyList<FaqEntry> entries, int copies, Random random)
    {
        (string Region, string Entity)[] entities = [("13", "E-LAQ"), ("01", "E-TOR"), ("12", "E-ROM")];
        var variations = new List<FaqEntry>();
        foreach (var entry in entries)
        {
            variations.Add(entry);
            for (var copy = 1; copy < copies; copy++)
            {
                var (region, entity) = entities[random.Next(entities.Length)];
                var scope = random.Next(10) switch
                {
                    < 2 => FaqScope.Network,
                    < 5 => FaqScope.Regional,
                    _ => FaqScope.Local,
                };
                var sentences = entry.Answer.Split(". ").OrderBy(_ => random.Next()).ToArray();
                var validity = random.Next(12);
                variations.Add(entry with
                {
                    Id = $"{entry.Id}-{copy}",
                    Answer = string.Join(". ", sentences),
                    Scope = scope,
                    RegionCode = scope == FaqScope.Network ? null : region,
                    EntityCode = scope == FaqScope.Local ? entity : null,
                    ValidFrom = validity == 0 ? FaqTestSet.Now.AddDays(3) : entry.ValidFrom,
                    ValidTo = validity == 1 ? FaqTestSet.Now.AddDays(-3) : entry.ValidTo,
                });
            }
        }

        return variations;
    }

    private sealed class RandomAccessAlways : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
