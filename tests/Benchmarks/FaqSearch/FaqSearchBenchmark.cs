using BenchmarkDotNet.Attributes;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

namespace LineaHub.Benchmarks.FaqSearch;

/// <summary>One search (top 10 with snippets) per operation, cycling through the 202 labelled queries.</summary>
[MemoryDiagnoser]
public class FaqSearchBenchmark : IDisposable
{
    private FaqIndex _index = null!;
    private string[] _queries = null!;
    private int _next;

    [Params(10_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new FaqIndex();
        _index.Rebuild(SyntheticFaq.Generate(Entries));
        _queries = FaqTestSet.LoadQueries().Select(q => q.Text).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int Search()
    {
        var query = _queries[_next++ % _queries.Length];
        return _index.Search(SyntheticFaq.Request(query)).Hits.Count;
    }
}
