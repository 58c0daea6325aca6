using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

namespace LineaHub.Benchmarks.FaqSearch;

/// <summary>
/// Many entries made from the labelled set by variation: each copy names a municipality and a year, drops a
/// keyword, reorders the answer's sentences and gets a scope (10 % network, 30 % one of the 20 regions,
/// 60 % one of 2,000 entities), so an asker sees about a tenth of the network plus its region and its own.
/// </summary>
public static class SyntheticFaq
{
    private static readonly string[] Towns =
    [
        "L'Aquila", "Celano", "Pescara", "Chieti", "Teramo", "Avezzano", "Sulmona", "Lanciano", "Vasto", "Ortona",
        "Roma", "Milano", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Firenze", "Bari", "Catania",
        "Verona", "Padova", "Trieste", "Brescia", "Parma", "Modena", "Perugia", "Ancona", "Cagliari", "Potenza",
    ];

    public const string AskerRegion = FaqTestSet.AskerRegion;
    public const string AskerEntity = "E-0013";

    public static List<FaqEntry> Generate(int count, int seed = 20261123)
    {
        var random = new Random(seed);
        var baseEntries = FaqTestSet.LoadEntries().Where(e => e.ValidTo is null).ToList();
        var entries = new List<FaqEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var source = baseEntries[i % baseEntries.Count];
            var town = Towns[random.Next(Towns.Length)];
            var year = 2020 + random.Next(8);
            var sentences = source.Answer.Split(". ", StringSplitOptions.RemoveEmptyEntries).OrderBy(_ => random.Next()).ToArray();
            var keywords = source.Keywords.Where(_ => random.NextDouble() > 0.25).Append(town).ToArray();
            var roll = random.NextDouble();
            var (scope, region, entity) = roll switch
            {
                < 0.1 => (FaqScope.Network, (string?)null, (string?)null),
                < 0.4 => (FaqScope.Regional, (1 + random.Next(20)).ToString("00", System.Globalization.CultureInfo.InvariantCulture), null),
                _ => (FaqScope.Local, (1 + random.Next(20)).ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"E-{random.Next(2000):0000}"),
            };
            entries.Add(source with
            {
                Id = $"{source.Id}-{i}",
                Question = i < baseEntries.Count ? source.Question : $"{source.Question} ({town}, {year})",
                Answer = string.Join(". ", sentences) + $" Per il Comune di {town} vale dal {year}.",
                Keywords = keywords,
                Scope = i < baseEntries.Count ? FaqScope.Network : scope,
                RegionCode = i < baseEntries.Count ? null : region,
                EntityCode = i < baseEntries.Count ? null : entity,
                Version = i + 1,
            });
        }

        return entries;
    }

    public static FaqSearchRequest Request(string text) =>
        new(text, AskerRegion, AskerEntity, CategoryCode: null, FaqTestSet.Now);
}
