using LineaHub.Hub.Auth;
using Quartz;

namespace LineaHub.Hub.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddHubScheduling(this IServiceCollection services)
    {
        services.AddQuartz(quartz =>
        {
            // Housekeeping jobs are idempotent deletes, so every replica may run them on its own schedule.
            quartz.ScheduleJob<PruneUsedAssertionsJob>(trigger => trigger
                .WithIdentity("prune-used-assertions")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
