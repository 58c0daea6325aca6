using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LineaHub.Hub.Archive;
using LineaHub.Schemas.Archive;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>
/// A deterministic synthetic archive: the same seed, entities and days give the same records, whichever day is made
/// first or on which thread (each day has its own random stream). Its shape, so that trends look like trends:
/// <list type="bullet">
/// <item>volume per day = base × weekday (Monday busiest, Sunday a tenth) × month (August dip, September and January
/// peaks) × public holidays × network growth (+8 % a year) × the seasonal categories' pull;</item>
/// <item>categories weighted per entity kind (municipalities: registry, local taxes, waste, roads; regions: health;
/// national bodies: tax, pensions), with seasons: TARI and IMU deadlines (May–June, November–December), school
/// enrolment (January), canteens and school buses (September), tax returns (May–July), summer events, winter health
/// bookings, an election in June;</item>
/// <item>entities skewed in size (Pareto), contacts during office hours for phone and counter, spread out for web
/// channels; channels, request types and outcomes with their own weights; first-response and resolution times
/// log-normal per channel and request type; satisfaction asked one time in three, lower for complaints;</item>
/// <item>bursts: an outage day in one region (booking service down: complaints by phone) and a storm day in another.</item>
/// </list>
/// </summary>
public sealed class SyntheticArchive
{
    private const double YearlyGrowth = 0.08;

    private static readonly double[] Weekday = [0.08, 1.25, 1.12, 1.06, 1.02, 0.92, 0.22]; // Sunday first, as DayOfWeek

    private static readonly double[] Month = [0, 1.08, 1.02, 1.0, 0.97, 1.0, 0.95, 0.85, 0.55, 1.1, 1.05, 1.0, 0.82];

    private static readonly string[] Channels = ["telefono", "email", "pec", "web", "app", "sportello"];

    private static readonly string[] RequestTypes = ["informazione", "segnalazione", "reclamo", "suggerimento", "elogio"];

    private static readonly double[] RequestTypeWeights = [0.56, 0.24, 0.13, 0.045, 0.025];

    private static readonly string[] Outcomes = ["risolto", "risolto-dopo-verifica", "inoltrato", "non-di-competenza", "abbandonato"];

    private readonly int _seed;
    private readonly IReadOnlyList<SyntheticEntity> _entities;
    private readonly double[] _entityCumulative;
    private readonly Dictionary<string, (string[] Codes, double[] Weights)> _categoriesByKind;
    private readonly Dictionary<string, double> _kindShare;
    private readonly DateOnly _origin;
    private readonly double _base;

    /// <summary>An archive of about <paramref name="targetRecords"/> contacts closed on the Italian days [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public SyntheticArchive(int seed, IReadOnlyList<SyntheticEntity> entities, DateOnly from, DateOnly to, long targetRecords)
    {
        _seed = seed;
        _entities = entities;
        _origin = from;
        From = from;
        To = to;
        _entityCumulative = Cumulative(entities.Select(e => e.Size));
        _categoriesByKind = new[] { NodeKinds.Comune, NodeKinds.Provincia, NodeKinds.Regione, NodeKinds.Ente }
            .ToDictionary(k => k, CategoryWeights);
        var totalSize = entities.Sum(e => e.Size);
        _kindShare = entities.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Size) / totalSize);
        Bursts = ChooseBursts(seed, entities, from, to);

        var raw = 0.0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            raw += DayFactor(day);
        }

        _base = targetRecords / raw;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public IReadOnlyList<Burst> Bursts { get; }

    public string TaxonomyVersion { get; } = TaxonomyCatalog.Current.Version;

    /// <summary>The contacts closed on <paramref name="day"/> (Italian day), in a fixed order.</summary>
    public List<GeneratedContact> Day(DateOnly day)
    {
        var random = new Random(HashCode.Combine(_seed, day.DayNumber));
        var count = (int)Math.Round(_base * DayFactor(day));
        var contacts = new List<GeneratedContact>(count + 256);
        var weights = _categoriesByKind.ToDictionary(
            p => p.Key, p => Cumulative(p.Value.Codes.Select((c, i) => p.Value.Weights[i] * Seasonal(c, day))));
        for (var i = 0; i < count; i++)
        {
            var entity = _entities[Pick(_entityCumulative, random)];
            var codes = _categoriesByKind[entity.Kind].Codes;
            var category = codes[Pick(weights[entity.Kind], random)];
            contacts.Add(Make(random, day, entity, category, null, null, contacts.Count));
        }

        foreach (var burst in Bursts.Where(b => b.Day == day))
        {
            var inRegion = _entities.Where(e => e.RegionCode == burst.RegionCode).ToList();
            var regionCumulative = Cumulative(inRegion.Select(e => e.Size));
            var regionShare = inRegion.Sum(e => e.Size) / _entities.Sum(e => e.Size);
            var extra = (int)Math.Round(count * regionShare * burst.Extra);
            for (var i = 0; i < extra; i++)
            {
                var entity = inRegion[Pick(regionCumulative, random)];
                contacts.Add(Make(random, day, entity, burst.Category, burst.RequestType, burst.Channel, contacts.Count));
            }
        }

        return contacts;
    }

    /// <summary>Expected contacts on <paramref name="day"/> before bursts, for the report.</summary>
    public double Expected(DateOnly day) => _base * DayFactor(day);

    private GeneratedContact Make(Random random, DateOnly day, SyntheticEntity entity, string category, string? requestType, string? channel, int index)
    {
        channel ??= PickChannel(random, entity.Kind, category);
        requestType ??= PickRequestType(random, category);
        var outcome = PickOutcome(random, channel, requestType);
        var closed = ClosingHour(random, day, channel);
        int? firstResponse = outcome == "abbandonato" && channel == "telefono" && random.NextDouble() < 0.6
            ? null
            : LogNormal(random, FirstResponseMedian(channel), 0.9);
        int? resolution = outcome.StartsWith("risolto", StringComparison.Ordinal)
            ? Math.Max(firstResponse ?? 0, LogNormal(random, ResolutionMedian(requestType, channel), 1.2))
            : null;
        var opened = ArchiveHour(closed.AddSeconds(-(resolution ?? firstResponse ?? 0)));
        var municipality = entity.Municipalities[random.Next(entity.Municipalities.Count)];
        var record = new ArchiveRecord(
            RecordId: string.Create(CultureInfo.InvariantCulture, $"rec.{day.DayNumber}.{index}"),
            TaxonomyVersion: TaxonomyVersion,
            Category: category,
            Channel: channel,
            RequestType: requestType,
            Outcome: outcome,
            OpenedAt: opened,
            ClosedAt: closed,
            FirstResponseSeconds: firstResponse,
            ResolutionSeconds: resolution,
            AreaIstatCode: municipality,
            AreaCell: random.NextDouble() < 0.7
                ? string.Create(CultureInfo.InvariantCulture, $"{8000 + random.Next(40)}:{2400 + random.Next(40)}")
                : null,
            Citizen: random.NextDouble() < 0.65 ? Pseudonym(entity, Zipf(random, (int)(entity.Size * 2000) + 50)) : null,
            Text: random.NextDouble() < 0.92 ? RedactedTexts.Pick(random, category) : null,
            FaqIds: random.NextDouble() < 0.25 ? [string.Create(CultureInfo.InvariantCulture, $"faq-{random.Next(1, 240)}")] : null,
            Satisfaction: random.NextDouble() < 0.35 ? Satisfaction(random, requestType, outcome) : null);
        return new GeneratedContact(entity, record);
    }

    private double DayFactor(DateOnly day)
    {
        var years = (day.DayNumber - _origin.DayNumber) / 365.25;
        var seasonal = 0.0;
        foreach (var (kind, share) in _kindShare)
        {
            var (codes, weights) = _categoriesByKind[kind];
            var sum = 0.0;
            var weighted = 0.0;
            for (var i = 0; i < codes.Length; i++)
            {
                sum += weights[i];
                weighted += weights[i] * Seasonal(codes[i], day);
            }

            seasonal += share * weighted / sum;
        }

        return Weekday[(int)day.DayOfWeek] * Month[day.Month] * (IsHoliday(day) ? 0.1 : 1) * (1 + YearlyGrowth * years) * seasonal;
    }

    /// <summary>How much more (or less) a category is asked about on <paramref name="day"/> than usual.</summary>
    private static double Seasonal(string category, DateOnly day)
    {
        var (m, d) = (day.Month, day.Day);
        return category switch
        {
            // TARI: bills in spring, instalments due end of May and early December.
            "tributi.tari" when (m == 5 && d >= 10) || (m == 6 && d <= 10) || (m == 11 && d >= 15) || (m == 12 && d <= 5) => 3.2,
            // IMU: due 16 June and 16 December.
            "tributi.imu" when (m is 6 or 12) && d <= 16 => 3.0,
            "scuola.iscrizioni" when (m == 1 && d >= 7) || (m == 2 && d <= 10) => 4.0,
            "scuola.mensa" or "scuola.trasporto" when m == 9 => 2.8,
            "scuola.mensa" or "scuola.trasporto" when m is 7 or 8 => 0.2,
            "fisco.dichiarazioni" when m is >= 5 and <= 7 => 2.5,
            "fisco.bollo-auto" when m == 1 => 1.6,
            "ambiente-rifiuti.verde" when m is >= 4 and <= 6 => 1.8,
            "cultura-turismo.eventi" when m is 7 or 8 => 2.2,
            "sanita.prenotazioni" or "sanita.medico" when m is 11 or 12 or 1 or 2 => 1.3,
            // An election on the first Sunday of June: cards and lists in the four weeks before.
            "elettorale.tessera" or "elettorale.liste" when m == 5 && d >= 8 || m == 6 && d <= 7 => 6.0,
            "servizi-sociali.contributi" when m == 10 => 2.0,
            _ => 1.0,
        };
    }

    private static (string[] Codes, double[] Weights) CategoryWeights(string kind)
    {
        // Leaf codes only, as offices file contacts; weights by what each kind of entity is asked about.
        var leaves = TaxonomyCatalog.Current.CategoryCodes.Where(c => c.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var weights = leaves.Select(c => Weight(kind, c[..c.IndexOf('.', StringComparison.Ordinal)], c)).ToArray();
        return (leaves, weights);
    }

    private static double Weight(string kind, string top, string leaf) => kind switch
    {
        NodeKinds.Comune => top switch
        {
            "anagrafe" => leaf == "anagrafe.carta-identita" ? 9 : 5,
            "stato-civile" => 2,
            "tributi" => leaf is "tributi.tari" ? 7 : 3,
            "ambiente-rifiuti" => 4,
            "viabilita-trasporti" => 3,
            "lavori-pubblici" => 3,
            "scuola" => 2.5,
            "servizi-sociali" => 2.5,
            "edilizia-urbanistica" => 1.5,
            "attivita-produttive" => 1.2,
            "polizia-locale" => 2,
            "elettorale" => 0.8,
            "cultura-turismo" => 1,
            "protezione-civile" => 0.2,
            "trasparenza" => 0.6,
            "urp" => 2,
            _ => 0.05,
        },
        NodeKinds.Provincia => top switch
        {
            "viabilita-trasporti" => 6,
            "scuola" => leaf == "scuola.trasporto" ? 6 : 2,
            "ambiente-rifiuti" => 2,
            "protezione-civile" => 0.8,
            "trasparenza" => 1,
            "urp" => 2,
            _ => 0.1,
        },
        NodeKinds.Regione => top switch
        {
            "sanita" => 10,
            "fisco" => leaf == "fisco.bollo-auto" ? 6 : 0.2,
            "previdenza-lavoro" => leaf == "previdenza-lavoro.impiego" ? 3 : 0.5,
            "viabilita-trasporti" => leaf == "viabilita-trasporti.trasporto-pubblico" ? 4 : 0.3,
            "attivita-produttive" => leaf == "attivita-produttive.agricoltura" ? 2 : 0.6,
            "scuola" => leaf == "scuola.diritto-studio" ? 2 : 0.1,
            "protezione-civile" => 0.8,
            "trasparenza" => 1,
            "urp" => 2.5,
            _ => 0.1,
        },
        _ => top switch
        {
            "fisco" => 8,
            "previdenza-lavoro" => 8,
            "trasparenza" => 1.5,
            "urp" => 3,
            _ => 0.05,
        },
    };

    private static string PickChannel(Random random, string kind, string category)
    {
        // Weights follow the order of Channels: telefono, email, pec, web, app, sportello.
        double[] weights = kind switch
        {
            NodeKinds.Comune => [0.36, 0.17, 0.04, 0.16, 0.07, 0.20],
            NodeKinds.Ente => [0.42, 0.10, 0.06, 0.25, 0.14, 0.03],
            _ => [0.40, 0.20, 0.08, 0.20, 0.06, 0.06],
        };
        if (category.StartsWith("edilizia", StringComparison.Ordinal) || category.StartsWith("attivita-produttive", StringComparison.Ordinal))
        {
            weights = [0.2, 0.2, 0.35, 0.15, 0.02, 0.08];
        }

        return Channels[Pick(Cumulative(weights), random)];
    }

    private static string PickRequestType(Random random, string category)
    {
        if (category is "urp.reclami-servizio")
        {
            return random.NextDouble() < 0.8 ? "reclamo" : "segnalazione";
        }

        if (category.StartsWith("lavori-pubblici", StringComparison.Ordinal) || category is "ambiente-rifiuti.abbandono" or "viabilita-trasporti.strade")
        {
            return random.NextDouble() < 0.75 ? "segnalazione" : RequestTypes[Pick(Cumulative(RequestTypeWeights), random)];
        }

        return RequestTypes[Pick(Cumulative(RequestTypeWeights), random)];
    }

    private static string PickOutcome(Random random, string channel, string requestType)
    {
        double[] weights = channel == "telefono" ? [0.64, 0.08, 0.10, 0.05, 0.13] : [0.68, 0.12, 0.11, 0.05, 0.04];
        if (requestType is "segnalazione" or "reclamo")
        {
            weights = [0.45, 0.20, 0.28, 0.04, 0.03];
        }

        return Outcomes[Pick(Cumulative(weights), random)];
    }

    private static double FirstResponseMedian(string channel) => channel switch
    {
        "telefono" => 45,
        "sportello" => 420,
        "email" => 4 * 3600,
        "pec" => 20 * 3600,
        "web" => 8 * 3600,
        _ => 6 * 3600,
    };

    private static double ResolutionMedian(string requestType, string channel) => requestType switch
    {
        "informazione" => channel is "telefono" or "sportello" ? 600 : 6 * 3600,
        "segnalazione" => 3 * 86400,
        "reclamo" => 7 * 86400,
        "suggerimento" => 2 * 86400,
        _ => 3600,
    };

    private static int Satisfaction(Random random, string requestType, string outcome)
    {
        double[] weights = requestType == "reclamo" || outcome is "abbandonato" or "non-di-competenza"
            ? [0.25, 0.25, 0.25, 0.15, 0.10]
            : [0.03, 0.05, 0.14, 0.40, 0.38];
        return 1 + Pick(Cumulative(weights), random);
    }

    /// <summary>Closing hour (UTC) in the Italian day: office hours for phone and counter, spread out for the rest.</summary>
    private static DateTimeOffset ClosingHour(Random random, DateOnly day, string channel)
    {
        // Hours 0–23 of the Italian day; zero at night so the summer-time change (02:00–03:00) never matters.
        ReadOnlySpan<double> office = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1.6, 1.9, 1.8, 1.5, 0.7, 0.6, 1.0, 1.0, 0.7, 0.2, 0, 0, 0, 0, 0];
        ReadOnlySpan<double> online = [0, 0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.0, 1.2, 1.2, 1.1, 1.0, 0.9, 1.0, 1.0, 1.0, 0.9, 0.7, 0.6, 0.5, 0.4, 0.2];
        var weights = channel is "telefono" or "sportello" ? office : online;
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = random.NextDouble() * total;
        var hour = 0;
        for (; hour < 23; hour++)
        {
            target -= weights[hour];
            if (target < 0)
            {
                break;
            }
        }

        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, ArchiveCalendar.Italy.GetUtcOffset(local)).ToUniversalTime();
    }

    private static IReadOnlyList<Burst> ChooseBursts(int seed, IReadOnlyList<SyntheticEntity> entities, DateOnly from, DateOnly to)
    {
        var random = new Random(seed);
        var regions = entities.Select(e => e.RegionCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        var days = to.DayNumber - from.DayNumber;
        if (days < 7 || regions.Length == 0)
        {
            return [];
        }

        static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(2),
            DayOfWeek.Sunday => day.AddDays(1),
            _ => day,
        };

        return
        [
            new Burst(Weekday(from.AddDays(days / 3 + random.Next(days / 6))), regions[random.Next(regions.Length)],
                "sanita.prenotazioni", "reclamo", "telefono", 4.0, "regional booking service (CUP) down for a day"),
            new Burst(Weekday(from.AddDays(2 * days / 3 + random.Next(days / 6))), regions[random.Next(regions.Length)],
                "protezione-civile.emergenze", "segnalazione", "telefono", 2.5, "storm: flooded roads and fallen trees"),
        ];
    }

    private static bool IsHoliday(DateOnly day) => (day.Month, day.Day) is (1, 1) or (1, 6) or (4, 25) or (5, 1) or (6, 2)
        or (8, 15) or (11, 1) or (12, 8) or (12, 25) or (12, 26);

    private static DateTimeOffset ArchiveHour(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static int LogNormal(Random random, double median, double sigma)
    {
        // Box–Muller: one standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Clamp(median * Math.Exp(sigma * normal), 1, ArchiveRecordRules.MaxDurationSeconds);
    }

    /// <summary>A citizen of the entity; a few call often, most once (Zipf-like over <paramref name="population"/>).</summary>
    private static int Zipf(Random random, int population) => (int)Math.Floor(Math.Pow(population, random.NextDouble())) - 1;

    private string Pseudonym(SyntheticEntity entity, int citizen)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{_seed}|{entity.Code}|{citizen}")), hash);
        return Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var cumulative = weights.ToArray();
        for (var i = 1; i < cumulative.Length; i++)
        {
            cumulative[i] += cumulative[i - 1];
        }

        return cumulative;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
