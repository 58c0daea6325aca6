using LineaHub.Schemas.Capacity;

namespace LineaHub.Schemas.Tests.Capacity;

public sealed class CapacityRulesTests
{
    [Fact]
    public void A_complete_report_within_bounds_has_no_problems() =>
        Assert.Empty(CapacityRules.Problems(new CapacityReport(0, 0, 1, false, false)));

    [Fact]
    public void Bounds_are_inclusive() =>
        Assert.Empty(CapacityRules.Problems(new CapacityReport(CapacityRules.MaxOperators, CapacityRules.MaxQueue, CapacityRules.MaxHandlingSeconds, true, true)));

    [Fact]
    public void Every_missing_or_out_of_range_field_is_named()
    {
        var problems = CapacityRules.Problems(new CapacityReport(null, -1, CapacityRules.MaxHandlingSeconds + 1, null, null));

        Assert.Equal(["acceptingOverflow", "averageHandlingSeconds", "officeOpen", "operatorsOnline", "queueLength"], problems.Keys.Order());
    }
}
