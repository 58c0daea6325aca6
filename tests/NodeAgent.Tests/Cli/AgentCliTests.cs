using LineaHub.NodeAgent.Cli;
using Microsoft.Extensions.Configuration;

namespace LineaHub.NodeAgent.Tests.Cli;

public sealed class AgentCliTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:5090/")]
    [InlineData("http://127.0.0.1:6001", "http://127.0.0.1:6001/")]
    [InlineData("http://*:6002;https://*:6003", "http://127.0.0.1:6002/")]
    [InlineData("http://0.0.0.0:6004", "http://127.0.0.1:6004/")]
    [InlineData("http://+:6005", "http://127.0.0.1:6005/")]
    public void The_command_line_calls_the_agent_where_its_configuration_makes_it_listen(string? urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Assert.Equal(new Uri(expected), AgentCli.LocalApiAddress(configuration));
    }
}
