using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Geography;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>
/// The entities of a synthetic network: every region, two provinces and some municipalities per region, a few national
/// bodies; sizes skewed (a few big cities and bodies, many small towns), regions weighted roughly by population.
/// </summary>
public static class SyntheticNetwork
{
    // Rough population weights of the twenty regions, in ISTAT order (Piemonte … Sardegna).
    private static readonly double[] RegionWeights = [4.3, 0.12, 10, 1.1, 4.9, 1.2, 1.5, 4.5, 3.7, 0.86, 1.5, 5.7, 1.3, 0.29, 5.6, 3.9, 0.54, 1.8, 4.8, 1.6];

    private static readonly string[] NationalBodies = ["inps", "ag_entrate", "inail", "aci", "ag_riscossione", "min_interno", "min_istruzione", "ag_dogane", "ispettorato_lav", "anpal"];

    /// <summary>A network of all kinds of entity, <paramref name="municipalitiesPerRegion"/> municipalities in each region.</summary>
    public static IReadOnlyList<SyntheticEntity> Mixed(int seed, int municipalitiesPerRegion = 11, int nationalBodies = 10)
    {
        var random = new Random(seed);
        var entities = new List<SyntheticEntity>();
        var regions = ItalianRegions.ByCode.Keys.Order(StringComparer.Ordinal).ToArray();
        for (var r = 0; r < regions.Length; r++)
        {
            var region = regions[r];
            var weight = RegionWeights[r];
            var provinces = new[] { ProvinceCode(r, 0), ProvinceCode(r, 1) };
            // Every municipality contacts can be about, the members and the rest.
            var all = provinces.SelectMany(p => Enumerable.Range(1, 25).Select(n => p + n.ToString("D3", CultureInfo.InvariantCulture))).ToArray();
            entities.Add(new SyntheticEntity($"URP Regione {ItalianRegions.ByCode[region]}", NodeKinds.Regione, region, region, 12 * weight, all));
            foreach (var province in provinces)
            {
                entities.Add(new SyntheticEntity($"URP Provincia {province}", NodeKinds.Provincia, province, region, 0.8 * weight,
                    [.. all.Where(m => m.StartsWith(province, StringComparison.Ordinal))]));
            }

            for (var m = 0; m < municipalitiesPerRegion; m++)
            {
                var code = all[(m * 7) % all.Length];
                // Pareto (alpha 1.1), capped: one town in ten is ten times the smallest, a few are cities.
                var size = Math.Min(60, Math.Pow(1 - random.NextDouble(), -1 / 1.1)) * weight / 4;
                entities.Add(new SyntheticEntity($"URP Comune {code}", NodeKinds.Comune, code, region, size, [code]));
            }
        }

        var everywhere = entities.Where(e => e.Kind == NodeKinds.Comune).Select(e => e.Code).ToArray();
        foreach (var body in NationalBodies.Take(nationalBodies))
        {
            entities.Add(new SyntheticEntity($"URP {body}", NodeKinds.Ente, body, "12", 40 * (0.5 + random.NextDouble()), everywhere));
        }

        return entities;
    }

    /// <summary><paramref name="count"/> municipalities, regions taking turns: the offices of the ingestion benchmark.</summary>
    public static IReadOnlyList<SyntheticEntity> Municipalities(int seed, int count)
    {
        var random = new Random(seed);
        var regions = ItalianRegions.ByCode.Keys.Order(StringComparer.Ordinal).ToArray();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var r = i % regions.Length;
            var code = ProvinceCode(r, i / regions.Length % 2) + (500 + i).ToString("D3", CultureInfo.InvariantCulture);
            var size = Math.Min(60, Math.Pow(1 - random.NextDouble(), -1 / 1.1));
            return new SyntheticEntity($"URP Comune {code}", NodeKinds.Comune, code, regions[r], size, [code]);
        })];
    }

    /// <summary>The node an entity's office would be registered as.</summary>
    public static CreateNodeRequest NodeOf(SyntheticEntity entity) => new(
        entity.Name, entity.Kind, entity.Code, entity.RegionCode, ["urp"], ["it"], []);

    /// <summary>Registers every entity through the admin API (no join: archive generation needs only their node ids).</summary>
    public static async Task<IReadOnlyList<SyntheticEntity>> RegisterAsync(
        HttpClient admin, IReadOnlyList<SyntheticEntity> entities, CancellationToken cancellationToken)
    {
        var registered = new SyntheticEntity[entities.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entities.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                using var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", NodeOf(entities[i]), token);
                await NetworkSetup.ExpectAsync(response, HttpStatusCode.Created, "create node", token);
                var created = (await response.Content.ReadFromJsonAsync<CreatedNodeResponse>(token))!;
                registered[i] = entities[i] with { NodeId = created.Node.Id };
            });
        return registered;
    }

    private static string ProvinceCode(int region, int index) => (region * 5 + index + 1).ToString("D3", CultureInfo.InvariantCulture);
}
