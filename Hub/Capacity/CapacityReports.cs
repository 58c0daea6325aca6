using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Capacity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Capacity;

/// <summary>Stores each node's latest capacity report (latest wins) and builds the network view.</summary>
public sealed class CapacityReports(HubDbContext db, TimeProvider clock, IOptions<CapacityOptions> options, DispatchSnapshots dispatchSnapshots)
{
    public async Task<CapacityReportAccepted> AcceptAsync(Node node, CapacityReport report, CancellationToken cancellationToken)
    {
        Validate(report);
        var now = clock.GetUtcNow();
        var stored = await db.NodeCapacities.FindAsync([node.Id], cancellationToken);
        if (stored is null)
        {
            stored = new NodeCapacity { NodeId = node.Id };
            db.NodeCapacities.Add(stored);
        }

        stored.OperatorsOnline = report.OperatorsOnline!.Value;
        stored.QueueLength = report.QueueLength!.Value;
        stored.AverageHandlingSeconds = report.AverageHandlingSeconds!.Value;
        stored.AcceptingOverflow = report.AcceptingOverflow!.Value;
        stored.OfficeOpen = report.OfficeOpen!.Value;
        stored.ReceivedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        // The dispatcher decides on fresh figures: the next offer reads the network again.
        dispatchSnapshots.Invalidate();
        return new CapacityReportAccepted(now, options.Value.ReportIntervalSeconds);
    }

    public async Task<NetworkView> NetworkAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from node in db.Nodes.AsNoTracking()
            join capacity in db.NodeCapacities.AsNoTracking() on node.Id equals capacity.NodeId into reports
            from report in reports.DefaultIfEmpty()
            orderby node.RegionCode, node.Name
            select new { node.Id, node.Name, node.Kind, node.Code, node.RegionCode, node.Status, Report = report })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var hourAgo = now - TimeSpan.FromHours(1);
        var awaiting = await db.OverflowOffers.Where(o => o.Outcome == OfferOutcomes.Pending)
            .GroupBy(o => o.NodeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var accepted = await db.OverflowOffers.Where(o => o.Outcome == OfferOutcomes.Accepted && o.EndedAt >= hourAgo)
            .GroupBy(o => o.NodeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var queued = await db.Tickets.CountAsync(t => t.QueuedSince != null, cancellationToken);
        var staleAfter = options.Value.StaleAfter;
        return new NetworkView(now, options.Value.ReportIntervalSeconds, [.. rows.Select(row => new NetworkNode(
            row.Id,
            row.Name,
            row.Kind,
            row.Code,
            row.RegionCode,
            NodeStateRule.StateOf(row.Status, row.Report?.ReceivedAt, now, staleAfter),
            row.Report is null ? null : new CapacitySnapshot(
                row.Report.OperatorsOnline,
                row.Report.QueueLength,
                row.Report.AverageHandlingSeconds,
                row.Report.AcceptingOverflow,
                row.Report.OfficeOpen,
                row.Report.ReceivedAt),
            awaiting.GetValueOrDefault(row.Id),
            accepted.GetValueOrDefault(row.Id)))], queued);
    }

    private static void Validate(CapacityReport report)
    {
        var problems = CapacityRules.Problems(report);
        if (problems.Count > 0)
        {
            throw RequestValidationException.Invalid(problems);
        }
    }
}
