using System.Globalization;
using LineaHub.Testing;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>
/// A throwaway PostgreSQL with the hub's schema (an in-process hub migrated it and stays up, idle; disposing it drops
/// the database), the synthetic network's entities registered as nodes, and a synthetic archive written into it.
/// </summary>
public sealed class GeneratedHub : IAsyncDisposable
{
    private GeneratedHub(HubServer setup, SyntheticArchive archive, IReadOnlyList<SyntheticEntity> entities, FillResult fill)
    {
        Setup = setup;
        Archive = archive;
        Entities = entities;
        Fill = fill;
    }

    public HubServer Setup { get; }

    public SyntheticArchive Archive { get; }

    public IReadOnlyList<SyntheticEntity> Entities { get; }

    public FillResult Fill { get; }

    public static async Task<GeneratedHub> CreateAsync(
        GeneratorOptions options, IDictionary<string, string?> hubSettings, TextWriter log, CancellationToken cancellationToken)
    {
        Step(log, "starting PostgreSQL and the setup hub (in process)");
        var setup = await HubServer.StartAsync(StorageKind.Postgres, hubSettings, cancellationToken: cancellationToken);
        try
        {
            var admin = await setup.CreateAdminClientAsync(cancellationToken);
            var entities = await SyntheticNetwork.RegisterAsync(admin, SyntheticNetwork.Mixed(options.Seed, options.Municipalities), cancellationToken);
            var (from, to) = options.Days(DateTimeOffset.UtcNow);
            var archive = new SyntheticArchive(options.Seed, entities, from, to, options.Records);
            Step(log, string.Create(CultureInfo.InvariantCulture,
                $"{entities.Count} entities registered; generating about {options.Records:N0} records closed {from:yyyy-MM-dd} to {to.AddDays(-1):yyyy-MM-dd}, {options.Writers} writers"));
            var fill = await ArchiveFiller.FillAsync(setup.Database.CreateDbContext, archive, options.Writers, log, cancellationToken);
            Step(log, string.Create(CultureInfo.InvariantCulture,
                $"{fill.Written:N0} records written in {fill.Elapsed.TotalSeconds:0} s ({fill.PerSecond:N0}/s); {fill.Refused} of {fill.Checked:N0} sampled would be refused by the intake"));
            return new GeneratedHub(setup, archive, entities, fill);
        }
        catch
        {
            await setup.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Setup.DisposeAsync();

    public static void Step(TextWriter log, string what) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {what}"));
}
