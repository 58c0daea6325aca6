using System.Collections.Concurrent;
using System.Diagnostics;
using LineaHub.Hub.Overflow;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.Hub.Tests.Overflow;

/// <summary>
/// EF Core compiles a query once per shape and caches it; a query whose shape changes with every call (a value
/// inlined as a constant) is compiled again each time, which costs far more than running it. The hot paths must
/// reach a steady state where nothing is compiled.
/// </summary>
public sealed class QueryCacheTests
{

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Offering_and_moving_tickets_compiles_no_query_once_warm(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var receiver = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        // Other tests run hubs in this process at the same time, each with its own query cache: count only this one's.
        var recorder = new CompilationRecorder(storage == StorageKind.Postgres
            ? LineaHub.Hub.Storage.StorageProviders.WithAutoPrepare(hub.Database.ConnectionString)
            : hub.Database.ConnectionString);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(recorder);
        await RoundAsync(origin, receiver, "warm-up-1");
        await RoundAsync(origin, receiver, "warm-up-2");

        // The sweeper runs its own queries every couple of seconds; its first run may otherwise fall in the window.
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OverflowSweep>().RunOnceAsync(CancellationToken.None);
        }

        recorder.Counting = true;
        await RoundAsync(origin, receiver, "measured-1");
        await RoundAsync(origin, receiver, "measured-2");
        recorder.Counting = false;

        Assert.True(recorder.Compiled.IsEmpty, "Compiled again: " + string.Join(Environment.NewLine, recorder.Compiled));
    }

    private static async Task RoundAsync(Office origin, Office receiver, string key)
    {
        var ticket = await origin.OpenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{ticket.Code}/events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new TicketEventRequest(TicketActions.Offer, null, null)),
        };
        request.Headers.Add("Idempotency-Key", key + "-" + ticket.Code);
        using var offered = await origin.Client.SendAsync(request);
        offered.EnsureSuccessStatusCode();
        await receiver.MovedAsync(ticket.Code, TicketActions.Accept);
        await receiver.MovedAsync(ticket.Code, TicketActions.Resolve);
        await origin.MovedAsync(ticket.Code, TicketActions.Close);
        await receiver.InboxAsync();
    }

    /// <summary>Records the queries EF Core starts compiling while <see cref="Counting"/>.</summary>
    private sealed class CompilationRecorder(string connectionString) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public ConcurrentQueue<string> Compiled { get; } = new();

        public bool Counting { get; set; }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Counting && value.Key.EndsWith("QueryCompilationStarting", StringComparison.Ordinal)
                && value.Value is DbContextEventData { Context: { } context } && context.Database.GetConnectionString() == connectionString)
            {
                Compiled.Enqueue(value.Value?.ToString() ?? value.Key);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
