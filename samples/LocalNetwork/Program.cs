using LineaHub.Samples.LocalNetwork;

var options = LocalNetworkOptions.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var network = new LocalNetworkRunner(options, Console.Out);
await network.RunAsync(stop.Token);
Console.WriteLine("Rete locale fermata.");
