using LineaHub.Hub.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LineaHub.Hub.Storage.Configurations;

internal sealed class UsedClientAssertionConfiguration : IEntityTypeConfiguration<UsedClientAssertion>
{
    public void Configure(EntityTypeBuilder<UsedClientAssertion> builder)
    {
        builder.ToTable("used_client_assertions");
        builder.HasKey(a => new { a.ClientId, a.Jti });
        builder.Property(a => a.ClientId).HasMaxLength(100);
        builder.Property(a => a.Jti).HasMaxLength(200);
        builder.HasIndex(a => a.ExpiresAtUnixSeconds);
    }
}
