using System.Net;
using System.Text.Json;
using LineaHub.NodeAgent.Outbox;

namespace LineaHub.NodeAgent.Tests.Outbox;

public sealed class OutboxSenderTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Enqueued_message_survives_a_restart_and_is_delivered_once()
    {
        await using var agent = await OutboxHarness.StartAsync();
        var message = await agent.EnqueueAsync("""{"code":"LH-7K2P-9Q"}""");

        agent.RestartAgent();
        Assert.Equal(1, await agent.Store.CountPendingAsync(Ct));
        var pass = await agent.Sender.SendDueAsync(Ct);
        agent.PassMaxDelay();
        var again = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal(1, pass.Delivered);
        Assert.Equal(0, again.Delivered);
        var received = Assert.Single(agent.Hub.Received);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/api/v1/tickets", received.Path);
        Assert.Equal(message.IdempotencyKey, received.IdempotencyKey);
        Assert.Equal("""{"code":"LH-7K2P-9Q"}""", received.Body);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.Equal(0, await agent.Store.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task Message_written_while_the_hub_is_down_arrives_after_recovery_with_the_same_key_on_every_attempt()
    {
        await using var agent = await OutboxHarness.StartAsync();
        await agent.Hub.StopAsync();
        var message = await agent.EnqueueAsync("""{"status":"resolved"}""");

        for (var i = 0; i < 3; i++)
        {
            var down = await agent.Sender.SendDueAsync(Ct);
            Assert.Equal(1, down.Retried);
            agent.PassMaxDelay();
        }

        // The agent is restarted during the outage; the hub comes back but is overloaded for two more attempts.
        agent.RestartAgent();
        await agent.Hub.RestartAsync();
        agent.Hub.FailNext(2, HttpStatusCode.ServiceUnavailable);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(1, (await agent.Sender.SendDueAsync(Ct)).Retried);
            agent.PassMaxDelay();
        }

        var recovered = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal(1, recovered.Delivered);
        Assert.Equal(3, agent.Hub.Received.Count);
        Assert.All(agent.Hub.Received, r => Assert.Equal(message.IdempotencyKey, r.IdempotencyKey));
        Assert.All(agent.Hub.Received, r => Assert.Equal("""{"status":"resolved"}""", r.Body));
        Assert.Equal(0, await agent.Store.CountPendingAsync(Ct));
        Assert.Equal(0, await agent.Store.CountDeadAsync(Ct));
    }

    [Fact]
    public async Task Failed_attempts_are_counted_with_the_reason_and_a_later_next_attempt()
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.FailNext(1, HttpStatusCode.BadGateway);
        var message = await agent.EnqueueAsync("{}");

        await agent.Sender.SendDueAsync(Ct);

        var stored = await agent.Store.FindAsync(message.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(502, stored.LastStatus);
        Assert.Equal(OutboxHarness.Start, stored.LastAttemptAt);
        Assert.InRange(stored.NextAttemptAt, OutboxHarness.Start, OutboxHarness.Start.AddSeconds(agent.Options.BaseDelaySeconds));
        Assert.False(stored.IsDead);
    }

    [Fact]
    public async Task Retry_after_of_a_503_is_honoured_before_sending_again()
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.FailNext(1, HttpStatusCode.ServiceUnavailable, retryAfter: "120");
        await agent.EnqueueAsync("""{"n":1}""");

        var first = await agent.Sender.SendDueAsync(Ct);
        Assert.Equal(OutboxHarness.Start.AddSeconds(120), first.NextAttemptAt);

        agent.Clock.Advance(TimeSpan.FromSeconds(119));
        var early = await agent.Sender.SendDueAsync(Ct);
        Assert.Equal(0, early.Delivered + early.Retried);
        Assert.Single(agent.Hub.Received);

        agent.Clock.Advance(TimeSpan.FromSeconds(1));
        var onTime = await agent.Sender.SendDueAsync(Ct);
        Assert.Equal(1, onTime.Delivered);
        Assert.Equal(2, agent.Hub.Received.Count);
    }

    [Fact]
    public async Task Message_the_hub_no_longer_needs_410_is_done_not_a_dead_letter()
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.Refuse("/api/v1/tickets/LA-7K3M-9QXA/contact", HttpStatusCode.Gone);
        await agent.EnqueueAsync("""{"n":1}""", "api/v1/tickets/LA-7K3M-9QXA/contact");
        await agent.EnqueueAsync("""{"n":2}""");

        var pass = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal((2, 0, 0), (pass.Delivered, pass.DeadLettered, pass.Retried));
        Assert.Equal(2, agent.Hub.Received.Count);
        Assert.Equal(0, await agent.Store.CountPendingAsync(Ct));
        Assert.Equal(0, await agent.Store.CountDeadAsync(Ct));
    }

    [Fact]
    public async Task Message_refused_with_422_becomes_a_dead_letter_and_the_others_go_on()
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.Refuse("/api/v1/archive", HttpStatusCode.UnprocessableEntity);
        await agent.EnqueueAsync("""{"n":1}""");
        var refused = await agent.EnqueueAsync("""{"n":2}""", "api/v1/archive");
        await agent.EnqueueAsync("""{"n":3}""");

        var pass = await agent.Sender.SendDueAsync(Ct);
        agent.Clock.Advance(TimeSpan.FromHours(1));
        var later = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal((2, 1, 0), (pass.Delivered, pass.DeadLettered, pass.Retried));
        Assert.Null(pass.NextAttemptAt);
        Assert.Equal(0, later.DeadLettered + later.Delivered + later.Retried);
        Assert.Equal(["""{"n":1}""", """{"n":2}""", """{"n":3}"""], agent.Hub.Received.Select(r => r.Body));
        Assert.Equal(0, await agent.Store.CountPendingAsync(Ct));
        Assert.Equal(1, await agent.Store.CountDeadAsync(Ct));
        var dead = Assert.Single(await agent.Store.ListDeadAsync(10, Ct));
        Assert.Equal(refused.Id, dead.Id);
        Assert.Equal(refused.IdempotencyKey, dead.IdempotencyKey);
        Assert.Equal(422, dead.LastStatus);
        Assert.Contains("Il campo categoria non è nella tassonomia.", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxHarness.Start, dead.DeadAt);
    }

    [Fact]
    public async Task Dead_letter_put_back_is_sent_again_with_its_original_key()
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.FailNext(1, HttpStatusCode.NotFound);
        var message = await agent.EnqueueAsync("{}");
        await agent.Sender.SendDueAsync(Ct);

        Assert.True(await agent.Store.RetryDeadAsync(message.Id, Ct));
        var pass = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal(1, pass.Delivered);
        Assert.Equal([message.IdempotencyKey, message.IdempotencyKey], agent.Hub.Received.Select(r => r.IdempotencyKey));
        Assert.False(await agent.Store.RetryDeadAsync(message.Id, Ct));
    }

    [Fact]
    public async Task Messages_go_out_in_the_order_they_were_enqueued()
    {
        await using var agent = await OutboxHarness.StartAsync(new OutboxOptions { BatchSize = 3 });
        var bodies = Enumerable.Range(1, 20).Select(i => JsonSerializer.Serialize(new { seq = i })).ToList();
        foreach (var body in bodies)
        {
            await agent.EnqueueAsync(body);
        }

        var pass = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal(20, pass.Delivered);
        Assert.Equal(bodies, agent.Hub.Received.Select(r => r.Body));
    }

    [Fact]
    public async Task Message_waiting_for_its_retry_holds_back_the_ones_behind_it()
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.FailNext(1, HttpStatusCode.ServiceUnavailable);
        await agent.EnqueueAsync("""{"ticket":"opened"}""");
        await agent.EnqueueAsync("""{"ticket":"resolved"}""");

        var first = await agent.Sender.SendDueAsync(Ct);
        Assert.Equal((0, 1), (first.Delivered, first.Retried));
        Assert.Single(agent.Hub.Received);

        agent.PassMaxDelay();
        var second = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal(2, second.Delivered);
        Assert.Equal(
            ["""{"ticket":"opened"}""", """{"ticket":"opened"}""", """{"ticket":"resolved"}"""],
            agent.Hub.Received.Select(r => r.Body));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Transient_answers_are_retried_not_dead_lettered(HttpStatusCode status)
    {
        await using var agent = await OutboxHarness.StartAsync();
        agent.Hub.FailNext(1, status);
        await agent.EnqueueAsync("{}");

        var failed = await agent.Sender.SendDueAsync(Ct);
        agent.PassMaxDelay();
        var retried = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal((0, 1), (failed.DeadLettered, failed.Retried));
        Assert.Equal(1, retried.Delivered);
    }

    [Fact]
    public async Task Conflict_is_retried_until_the_configured_attempts_then_dead_lettered()
    {
        await using var agent = await OutboxHarness.StartAsync(new OutboxOptions { ConflictAttempts = 3 });
        agent.Hub.FailNext(10, HttpStatusCode.Conflict);
        await agent.EnqueueAsync("""{"n":1}""");
        await agent.EnqueueAsync("""{"n":2}""");

        var passes = new List<OutboxPass>();
        for (var i = 0; i < 3; i++)
        {
            passes.Add(await agent.Sender.SendDueAsync(Ct));
            agent.PassMaxDelay();
        }

        Assert.Equal([1, 1, 1], passes.Select(p => p.Retried));
        Assert.Equal(1, passes[2].DeadLettered);

        // The line moved on: the second message met a 409 of its own, first attempt.
        Assert.Equal(1, await agent.Store.CountDeadAsync(Ct));
        Assert.Equal(1, await agent.Store.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task Conflict_replayed_by_the_hub_for_this_key_is_final_and_dead_lettered_at_once()
    {
        await using var agent = await OutboxHarness.StartAsync(new OutboxOptions { ConflictAttempts = 10 });
        agent.Hub.RefuseAsReplay("/api/v1/tickets", HttpStatusCode.Conflict);
        await agent.EnqueueAsync("""{"n":1}""");

        var pass = await agent.Sender.SendDueAsync(Ct);

        Assert.Equal(1, pass.DeadLettered);
        Assert.Equal(0, pass.Retried);
        Assert.Equal(1, await agent.Store.CountDeadAsync(Ct));
    }

    [Fact]
    public async Task Running_sender_sends_a_new_message_at_once_without_waiting_for_the_poll()
    {
        await using var agent = await OutboxHarness.StartAsync();
        var asleep = agent.Clock.NextTimer;
        await agent.Sender.StartAsync(Ct);
        try
        {
            // The fake clock never moves, so once the sender sleeps only the enqueue signal can wake it.
            await asleep.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            asleep = agent.Clock.NextTimer;
            var first = await agent.EnqueueAsync("""{"n":1}""");
            await agent.Hub.WaitForRequestsAsync(1);
            await asleep.WaitAsync(TimeSpan.FromSeconds(30), Ct);

            var second = await agent.EnqueueAsync("""{"n":2}""");
            await agent.Hub.WaitForRequestsAsync(2);

            Assert.Equal([first.IdempotencyKey, second.IdempotencyKey], agent.Hub.Received.Select(r => r.IdempotencyKey));
        }
        finally
        {
            await agent.Sender.StopAsync(Ct);
        }
    }
}
