using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>A batch serialised before the run (the harness shares the two cores with the hub), with its key.</summary>
public sealed record PreparedBatch(JoinedOffice Office, byte[] Body, int Records, string IdempotencyKey);
