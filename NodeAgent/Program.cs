using LineaHub.NodeAgent.Cli;

return await AgentCli.RunAsync(args);

/// <summary>Entry point; exists as a type for test and tooling discovery.</summary>
public partial class Program;
