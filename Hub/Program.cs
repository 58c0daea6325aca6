using LineaHub.Hub;
using LineaHub.Hub.Cli;

var app = HubApp.Build(new WebApplicationOptions { Args = args });
return await HubCommands.RunAsync(app, args);

/// <summary>Entry point; exists as a type for test and tooling discovery.</summary>
public partial class Program;
