using LineaHub.Hub;
using LineaHub.Hub.Cli;

// Settings files sit beside the binary; relative data folders resolve against the working directory.
var app = HubApp.Build(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
return await HubCommands.RunAsync(app, args);

/// <summary>Entry point; exists as a type for test and tooling discovery.</summary>
public partial class Program;
