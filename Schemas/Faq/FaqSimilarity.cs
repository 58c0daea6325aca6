using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Lucene's BM25 (k1 = 1.2, b = 0.75), unchanged: what the FAQ index writes its norms with and what Lucene scores
/// with. It also hands <see cref="FaqScorer"/> the parts of a BM25 score, computed as
/// <see cref="BM25Similarity"/> computes them, so that the scorer reads a term's postings and scores them in one
/// loop: Lucene's <see cref="BM25Similarity.ComputeWeight"/> makes a 256-entry table and an explanation with its
/// text for every term of every search, where the table depends only on the field.
/// </summary>
internal sealed class FaqSimilarity : BM25Similarity
{
    public FaqSimilarity()
        : base(k1: 1.2f, b: 0.75f)
    {
    }

    /// <summary>
    /// A term's factor in every document's score: IDF × the term query's boost × the enclosing queries' boost (the
    /// weight Lucene's BM25 normalises to), × (k1 + 1), multiplied in Lucene's order.
    /// </summary>
    public float TermFactor(long docFreq, long maxDoc, float boost, float enclosing) =>
        Idf(docFreq, maxDoc) * boost * enclosing * (K1 + 1);

    /// <summary>
    /// The length part of the score's denominator for each norm byte of a field (Lucene's per-term cache, which
    /// depends only on the field's average length): a document's score is <c>factor × freq ÷ (freq + table[norm])</c>.
    /// </summary>
    public float[] LengthTable(CollectionStatistics field)
    {
        var averageLength = AvgFieldLength(field);
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = K1 * ((1 - B) + (B * DecodeNormValue((byte)i) / averageLength));
        }

        return table;
    }

    /// <summary>The denominator's length part for a document without norms (as Lucene's BM25 scorer uses).</summary>
    public float NoNorms => K1;
}
