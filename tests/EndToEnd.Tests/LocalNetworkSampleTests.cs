using LineaHub.Samples.LocalNetwork;
using LineaHub.Schemas.Nodes;

namespace LineaHub.EndToEnd.Tests;

public sealed class LocalNetworkSampleTests
{
    [Fact]
    public async Task The_one_command_demo_forms_a_network_of_three_reporting_offices()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lineahub-demo-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        var options = new LocalNetworkOptions
        {
            DataDirectory = folder,
            HubPort = 0,
            FirstAgentPort = 0,
            ReportIntervalSeconds = 1,
            Duration = TimeSpan.FromSeconds(4),
        };
        try
        {
            await using (var network = new LocalNetworkRunner(options, output))
            {
                await network.RunAsync(CancellationToken.None);

                var view = network.LastView!;
                Assert.Equal(3, view.Nodes.Count);
                Assert.All(view.Nodes, node =>
                {
                    Assert.Equal(NodeStates.Active, node.State);
                    Assert.NotNull(node.LastReport);
                });
                Assert.Equal(["066032", "066049", "13"], view.Nodes.Select(n => n.Code).Order());
                Assert.True(network.TicketsOpened > 0, "the municipalities with callers waiting opened shared tickets");
                Assert.True(network.ContactsArchived > 0, "the offices closed contacts into the archive");
                Assert.True(network.FaqSearches > 0, "the operators searched their offices' FAQ replicas");
            }

            Assert.Contains("aderito con il codice", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("presi da altri uffici", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("categorie più frequenti oggi nella rete", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("segnata \"usata per rispondere\"", output.ToString(), StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(folder, "comune-celano", "keys")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
