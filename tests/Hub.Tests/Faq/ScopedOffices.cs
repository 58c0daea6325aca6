using LineaHub.Testing;

namespace LineaHub.Hub.Tests.Faq;

/// <summary>
/// The offices a scope test needs, joined and holding their tokens: the asker, a neighbour in the same region (13) with
/// another entity, an office in another region (01), and a network editor.
/// </summary>
internal sealed class ScopedOffices : IDisposable
{
    private readonly JoinedNode[] _nodes;

    private ScopedOffices(JoinedNode[] nodes, HttpClient asker, HttpClient neighbour, HttpClient farAway, HttpClient editor)
    {
        _nodes = nodes;
        Asker = asker;
        Neighbour = neighbour;
        FarAway = farAway;
        Editor = editor;
    }

    public HttpClient Asker { get; }

    public HttpClient Neighbour { get; }

    public HttpClient FarAway { get; }

    public HttpClient Editor { get; }

    public static async Task<ScopedOffices> JoinAsync(HubServer hub)
    {
        var admin = await hub.CreateAdminClientAsync();
        var asker = await hub.JoinNewNodeAsync(admin);
        var neighbour = await hub.JoinNewNodeAsync(admin);
        var elsewhere = await admin.CreateNodeAsync(NetworkFixtures.NodeRequest() with { RegionCode = "01" });
        var farAway = await hub.JoinAsync(elsewhere.JoinCode.Code);
        var editor = await hub.JoinNewNodeAsync(admin);
        return new ScopedOffices(
            [asker, neighbour, farAway, editor],
            await hub.NodeClientAsync(asker),
            await hub.NodeClientAsync(neighbour),
            await hub.NodeClientAsync(farAway),
            await FaqFixtures.EditorClientAsync(hub, admin, editor));
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
