using LineaHub.Schemas.Geography;
using LineaHub.Schemas.Nodes;

namespace LineaHub.Hub.Nodes;

internal static class NodeMapping
{
    public static NodeResponse ToResponse(this Node node) => new(
        node.Id,
        node.Name,
        node.Kind,
        node.Code,
        node.RegionCode,
        ItalianRegions.ByCode.GetValueOrDefault(node.RegionCode, node.RegionCode),
        node.Status,
        node.Competences,
        node.Languages,
        node.OpeningHours,
        node.ClientId,
        node.CreatedAt,
        node.JoinedAt,
        node.SuspendedAt);
}
