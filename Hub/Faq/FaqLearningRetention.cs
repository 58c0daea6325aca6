using LineaHub.Hub.Scheduling;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Forgets searches and feedback older than <see cref="FaqOptions.LearningRetentionDays"/>. The counts on entries are
/// totals, not personal data, and stay: an entry keeps how often it helped after the single feedbacks are gone.
/// </summary>
public sealed class FaqLearningRetention(HubDbContext db, TimeProvider clock, IOptions<FaqOptions> options) : IPruner
{
    public string What => "FAQ searches and feedback past their retention";

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.LearningRetentionDays);
        var pruned = await db.FaqSearchLog.Where(s => s.At < before).ExecuteDeleteAsync(cancellationToken);
        pruned += await db.FaqFeedback.Where(f => f.At < before).ExecuteDeleteAsync(cancellationToken);
        return pruned;
    }
}
