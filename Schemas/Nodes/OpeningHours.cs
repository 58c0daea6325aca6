namespace LineaHub.Schemas.Nodes;

/// <summary>One opening window of an office, in Italian local time (Europe/Rome).</summary>
/// <param name="Day">ISO day of the week: 1 = lunedì … 7 = domenica.</param>
/// <param name="Opens">Opening time, <c>HH:mm</c>.</param>
/// <param name="Closes">Closing time, <c>HH:mm</c>, after <paramref name="Opens"/>.</param>
public sealed record OpeningHours(int Day, string Opens, string Closes);
