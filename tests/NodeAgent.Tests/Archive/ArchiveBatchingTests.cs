using System.Net;
using System.Text.Json;
using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Tests.Archive;

public sealed class ArchiveBatchingTests
{
    private static Dictionary<string, string?> Batches(int size, int queued = 2) => new()
    {
        ["Archive:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Archive:BatchSeconds"] = "5",
        ["Archive:MaxQueuedBatches"] = queued.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Full_batches_leave_at_once_and_the_rest_after_the_batch_seconds()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(3));
        for (var i = 1; i <= 7; i++)
        {
            await agent.CloseAsync(Contacts.Closed($"c-{i}"));
        }

        var full = await agent.FormBatchesAsync();
        await agent.SendAsync();
        var early = await agent.FormBatchesAsync();
        agent.Clock.Advance(TimeSpan.FromSeconds(4));
        var stillEarly = await agent.FormBatchesAsync();
        agent.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await agent.FormBatchesAsync();
        await agent.SendAsync();

        Assert.Equal((2, 6), (full.Batches, full.Records));
        Assert.Equal((0, ArchiveAgent.Start.AddSeconds(5)), (early.Batches, early.NextDueAt));
        Assert.Equal(0, stillEarly.Batches);
        Assert.Equal((1, 1), (late.Batches, late.Records));
        Assert.Equal([3, 3, 1], agent.Hub.Calls.Select(c => c.Records));
        Assert.Equal(3, agent.Hub.Calls.Select(c => c.IdempotencyKey).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"c-{i}").Order(), agent.Hub.Stored.Keys.Order());
        var status = await agent.StatusAsync();
        Assert.Equal((0, 7, 0, 0, 0), (status.Pending, status.Sent, status.Refused, status.Dead, status.QueuedBatches));
        Assert.Null(await agent.Get<AgentDatabase>().ReadAsync(
            t => t.ScalarAsync("SELECT record FROM archive_records WHERE record IS NOT NULL LIMIT 1;", CancellationToken.None),
            CancellationToken.None));
    }

    [Fact]
    public async Task No_more_batches_wait_in_the_outbox_than_allowed_so_tickets_never_queue_behind_many()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(2, queued: 1));
        for (var i = 1; i <= 6; i++)
        {
            await agent.CloseAsync(Contacts.Closed($"q-{i}"));
        }

        var first = await agent.FormBatchesAsync();
        var blocked = await agent.FormBatchesAsync();
        await agent.SendAsync();
        var next = await agent.FormBatchesAsync();

        Assert.Equal(1, first.Batches);
        Assert.Equal(0, blocked.Batches);
        Assert.Equal(1, next.Batches);
        Assert.Equal(2, (await agent.StatusAsync()).Sent);
    }

    [Fact]
    public async Task While_the_hub_is_down_and_the_agent_restarts_nothing_is_lost_and_retries_send_the_same_key_and_body()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(2));
        await agent.CloseAsync(Contacts.Closed("d-1"));
        await agent.CloseAsync(Contacts.Closed("d-2"));
        await agent.CloseAsync(Contacts.Closed("d-3"));
        await agent.FormBatchesAsync();
        await agent.Hub.StopAsync();

        var down = await agent.SendAsync();
        var failing = await agent.StatusAsync();
        await agent.RestartAsync();
        await agent.Hub.RestartAsync();
        agent.Hub.FailNext(1, HttpStatusCode.ServiceUnavailable, retryAfter: "60");
        agent.Clock.Advance(TimeSpan.FromMinutes(5));
        var busyAt = agent.Clock.GetUtcNow();
        var busy = await agent.SendAsync();
        agent.Clock.Advance(TimeSpan.FromSeconds(59));
        var tooEarly = await agent.SendAsync();
        agent.Clock.Advance(TimeSpan.FromSeconds(1));
        await agent.DeliverAsync();

        Assert.Equal(1, down.Retried);
        Assert.NotNull(failing.LastError);
        Assert.Null(failing.LastError.Status);
        Assert.Equal((3, 1), (failing.Pending, failing.QueuedBatches));
        Assert.Equal(1, busy.Retried);
        Assert.Equal(busyAt.AddSeconds(60), busy.NextAttemptAt);
        Assert.Equal(0, tooEarly.Delivered + tooEarly.Retried);
        var firstBatch = agent.Hub.Calls.Take(2).ToList();
        Assert.Equal(firstBatch[0].IdempotencyKey, firstBatch[1].IdempotencyKey);
        Assert.Equal(firstBatch[0].Body, firstBatch[1].Body);
        Assert.Equal(["d-1", "d-2", "d-3"], agent.Hub.Stored.Keys.Order());
        Assert.Equal(3, agent.Hub.Calls.Count);
        var status = await agent.StatusAsync();
        Assert.Equal((0, 3, 0), (status.Pending, status.Sent, status.QueuedBatches));
    }

    [Fact]
    public async Task Records_the_hub_refuses_are_kept_as_refused_with_the_reasons_and_never_sent_again()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(3));
        agent.Hub.FindsPersonalDataIn("r-2");
        await agent.CloseAsync(Contacts.Closed("r-1"));
        await agent.CloseAsync(Contacts.Closed("r-2"));
        await agent.CloseAsync(Contacts.Closed("r-3"));

        await agent.DeliverAsync();
        agent.Clock.Advance(TimeSpan.FromHours(1));
        await agent.DeliverAsync();
        var again = await agent.CloseAsync(Contacts.Closed("r-2"));
        await agent.DeliverAsync();

        var status = await agent.StatusAsync();
        Assert.Equal((0, 2, 1, 0), (status.Pending, status.Sent, status.Refused, status.Dead));
        var refused = Assert.Single(status.RecentlyRefused);
        Assert.Equal("r-2", refused.ContactId);
        Assert.Equal(("text", "personal_data"), (refused.Errors[0].Field, refused.Errors[0].Code));
        Assert.True(again.Repeated);
        Assert.Single(agent.Hub.Calls);
        Assert.Equal(["r-1", "r-3"], agent.Hub.Stored.Keys.Order());
    }

    [Fact]
    public async Task A_record_refused_without_its_id_is_found_by_its_place_in_the_batch_and_not_sent_again()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(3));
        agent.Hub.FindsPersonalDataInTheIdOf("n-2");
        await agent.CloseAsync(Contacts.Closed("n-1"));
        await agent.CloseAsync(Contacts.Closed("n-2"));
        await agent.CloseAsync(Contacts.Closed("n-3"));

        await agent.DeliverAsync();
        agent.Clock.Advance(TimeSpan.FromHours(1));
        await agent.DeliverAsync();

        var status = await agent.StatusAsync();
        Assert.Equal((0, 2, 1), (status.Pending, status.Sent, status.Refused));
        Assert.Equal("n-2", Assert.Single(status.RecentlyRefused).ContactId);
        Assert.Single(agent.Hub.Calls);
    }

    [Fact]
    public async Task A_batch_refused_as_a_whole_is_a_dead_letter_with_the_reason_and_can_be_sent_again_with_its_key()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(2));
        agent.Hub.RefuseBatches(HttpStatusCode.RequestEntityTooLarge);
        await agent.CloseAsync(Contacts.Closed("x-1"));
        await agent.CloseAsync(Contacts.Closed("x-2"));

        await agent.DeliverAsync();
        var dead = await agent.StatusAsync();
        var batch = Assert.Single(dead.DeadBatches);
        agent.Hub.RefuseBatches(null);
        Assert.True(await agent.Get<OutboxStore>().RetryDeadAsync(batch.OutboxId, CancellationToken.None));
        await agent.DeliverAsync();

        Assert.Equal((0, 2, 0, 0), (dead.Pending, dead.Dead, dead.Sent, dead.QueuedBatches));
        Assert.Equal((2, 413), (batch.Records, batch.Status));
        Assert.Contains("dimensione", batch.Reason, StringComparison.Ordinal);
        Assert.True(dead.LastError!.Dead);
        Assert.Equal(2, agent.Hub.Calls.Count);
        Assert.Equal(agent.Hub.Calls[0].IdempotencyKey, agent.Hub.Calls[1].IdempotencyKey);
        var status = await agent.StatusAsync();
        Assert.Equal((0, 2, 0), (status.Pending, status.Sent, status.Dead));
    }

    [Fact]
    public async Task A_409_for_a_key_still_in_progress_is_tried_again_later()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(1));
        agent.Hub.FailNext(1, HttpStatusCode.Conflict);
        await agent.CloseAsync(Contacts.Closed("k-1"));

        await agent.FormBatchesAsync();
        var conflict = await agent.SendAsync();
        agent.Clock.Advance(TimeSpan.FromMinutes(10));
        var retried = await agent.SendAsync();

        Assert.Equal(1, conflict.Retried);
        Assert.Equal(1, retried.Delivered);
        Assert.Equal(1, (await agent.StatusAsync()).Sent);
    }

    [Fact]
    public async Task A_batch_the_hub_stored_just_before_the_agent_stopped_is_sent_again_once_and_nothing_is_duplicated()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(2));
        await agent.CloseAsync(Contacts.Closed("o-1"));
        await agent.CloseAsync(Contacts.Closed("o-2"));
        await agent.FormBatchesAsync();
        var batch = Assert.Single(await agent.Get<OutboxStore>().GetDueAsync(10, CancellationToken.None));

        // The hub stores the batch and answers; the agent deletes the message, then stops before reading the answer.
        using (var http = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(agent.Hub.BaseAddress, batch.RelativePath))
        {
            Content = new StringContent(batch.Body, System.Text.Encoding.UTF8, "application/json"),
        })
        {
            request.Headers.Add(OutboxSender.IdempotencyKeyHeader, batch.IdempotencyKey);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        await agent.Get<OutboxStore>().MarkDeliveredAsync(batch.Id, CancellationToken.None);
        await agent.RestartAsync();
        agent.Clock.Advance(TimeSpan.FromSeconds(5));
        await agent.DeliverAsync();

        Assert.Equal(2, agent.Hub.Calls.Count);
        Assert.NotEqual(agent.Hub.Calls[0].IdempotencyKey, agent.Hub.Calls[1].IdempotencyKey);
        Assert.Equal(["o-1", "o-2"], agent.Hub.Stored.Keys.Order());
        Assert.Equal(2, (await agent.StatusAsync()).Sent);
    }

    [Fact]
    public async Task A_batch_body_is_the_contract_request_with_anonymised_records_in_order()
    {
        await using var agent = await ArchiveAgent.CreateAsync(Batches(2));
        await agent.CloseAsync(Contacts.Closed("b-1"));
        await agent.CloseAsync(Contacts.Closed("b-2"));

        await agent.FormBatchesAsync();
        var message = Assert.Single(await agent.Get<OutboxStore>().GetDueAsync(10, CancellationToken.None));
        var request = JsonSerializer.Deserialize<ArchiveBatchRequest>(message.Body, JsonSerializerOptions.Web)!;

        Assert.Equal((ArchiveBatcher.Kind, "api/v1/archive/batches", "POST"), (message.Kind, message.RelativePath, message.Method.Method));
        Assert.Equal(["b-1", "b-2"], request.Records!.Select(r => r.RecordId));
        Assert.All(request.Records!, r => Assert.Empty(ArchiveRecordRules.Validate(r, ArchiveAgent.Start)));
        Assert.DoesNotContain(Contacts.FiscalCode(3), message.Body, StringComparison.OrdinalIgnoreCase);
    }
}
