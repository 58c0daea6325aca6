namespace LineaHub.NodeAgent.Archive;

/// <summary>What the hub's answer to one batch did to the records it carried.</summary>
/// <param name="Released">Records the answer did not mention: back in the line for another batch.</param>
public sealed record ArchiveAnswer(int Sent, int Refused, int Released);
