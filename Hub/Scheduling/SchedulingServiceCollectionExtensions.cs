using LineaHub.Hub.Archive;
using LineaHub.Hub.Auth;
using LineaHub.Hub.Faq;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Overflow;
using Quartz;

namespace LineaHub.Hub.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddHubScheduling(this IServiceCollection services, TimeProvider clock)
    {
        services.AddQuartz(quartz =>
        {
            // Housekeeping jobs are idempotent deletes, so every replica may run them on its own schedule.
            // First run one interval after start: at start there is nothing worth pruning yet.
            var pruneInterval = TimeSpan.FromMinutes(10);
            quartz.ScheduleJob<PruneJob<UsedAssertionPruner>>(trigger => trigger
                .WithIdentity("prune-used-assertions")
                .StartAt(clock.GetUtcNow() + pruneInterval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(pruneInterval).RepeatForever()));
            quartz.ScheduleJob<PruneJob<IdempotencyRecordPruner>>(trigger => trigger
                .WithIdentity("prune-idempotency-records")
                .StartAt(clock.GetUtcNow() + pruneInterval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(pruneInterval).RepeatForever()));
            quartz.ScheduleJob<PruneJob<InboxPruner>>(trigger => trigger
                .WithIdentity("prune-inbox")
                .StartAt(clock.GetUtcNow() + pruneInterval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(pruneInterval).RepeatForever()));

            // Archive months pass the horizon once a month; checking every six hours drops one within a day of its end.
            var archiveInterval = TimeSpan.FromHours(6);
            quartz.ScheduleJob<PruneJob<ArchiveRetention>>(trigger => trigger
                .WithIdentity("archive-retention")
                .StartAt(clock.GetUtcNow() + pruneInterval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(archiveInterval).RepeatForever()));
            // Retention is counted in days: every six hours removes a row within a quarter of a day of its horizon.
            quartz.ScheduleJob<PruneJob<FaqLearningRetention>>(trigger => trigger
                .WithIdentity("faq-learning-retention")
                .StartAt(clock.GetUtcNow() + pruneInterval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(archiveInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
