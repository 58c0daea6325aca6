using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Storage;

public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options);
