using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqFeedbackTests
{
    private const string FeedbackPath = "/api/v1/faq/feedback";

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Feedback_counts_once_per_feedback_id_even_when_resent_under_a_new_idempotency_key(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        using var other = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        var otherClient = await hub.NodeClientAsync(other);
        var entry = await PublishedAsync(client, Entry("Come si paga la TARI?"));
        var used = new FaqFeedbackRequest(Guid.NewGuid(), entry.Id, FaqFeedbackKinds.Used, null, DateTimeOffset.UtcNow);

        var first = await AcceptedAsync<FaqFeedbackResponse>(await SendAsync(client, FeedbackPath, used, key: "fb-1"));
        using var replay = await SendAsync(client, FeedbackPath, used, key: "fb-1");
        var resent = await AcceptedAsync<FaqFeedbackResponse>(await SendAsync(client, FeedbackPath, used, key: "fb-2"));
        // The same feedback id from another office is that office's own feedback.
        var fromOther = await AcceptedAsync<FaqFeedbackResponse>(await SendAsync(otherClient, FeedbackPath, used));
        var notHelpful = await AcceptedAsync<FaqFeedbackResponse>(await SendAsync(
            client, FeedbackPath, used with { FeedbackId = Guid.NewGuid(), Kind = FaqFeedbackKinds.NotHelpful }));

        Assert.Equal((false, 1, 0), (first.AlreadyStored, first.UsedCount, first.NotHelpfulCount));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal((true, 1, 0), (resent.AlreadyStored, resent.UsedCount, resent.NotHelpfulCount));
        Assert.Equal((false, 2, 0), (fromOther.AlreadyStored, fromOther.UsedCount, fromOther.NotHelpfulCount));
        Assert.Equal((false, 2, 1), (notHelpful.AlreadyStored, notHelpful.UsedCount, notHelpful.NotHelpfulCount));
        var view = (await client.GetFromJsonAsync<FaqEntryView>($"/api/v1/faq/entries/{entry.Id}"))!;
        Assert.Equal((2, 1), (view.UsedCount, view.NotHelpfulCount));
        Assert.Equal(entry.Version, view.Version);
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(3, await db.FaqFeedback.CountAsync());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Bad_feedback_is_refused_and_nothing_is_counted(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var entry = await PublishedAsync(client, Entry("Come si paga la TARI?"));
        var valid = new FaqFeedbackRequest(Guid.NewGuid(), entry.Id, FaqFeedbackKinds.Used, null, DateTimeOffset.UtcNow);

        using var unknownKind = await SendAsync(client, FeedbackPath, valid with { Kind = "liked" });
        using var unknownEntry = await SendAsync(client, FeedbackPath, valid with { EntryId = Guid.NewGuid() });
        using var future = await SendAsync(client, FeedbackPath, valid with { At = DateTimeOffset.UtcNow.AddHours(1) });
        using var noTime = await SendAsync(client, FeedbackPath, valid with { At = default });

        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.True((await unknownKind.ProblemAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownEntry.StatusCode);
        await unknownEntry.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.ProblemAsync()).GetProperty("errors").TryGetProperty("at", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noTime.StatusCode);
        var view = (await client.GetFromJsonAsync<FaqEntryView>($"/api/v1/faq/entries/{entry.Id}"))!;
        Assert.Equal((0, 0), (view.UsedCount, view.NotHelpfulCount));
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(0, await db.FaqFeedback.CountAsync());
    }
}
