using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Postgres
{
    /// <summary>
    /// Covering partial indexes for the two small cubes (PostgreSQL only; EF cannot declare them, as it cannot declare
    /// the partitions): a trend by category or by region reads its counts from the index alone, without visiting the
    /// rows scattered over the heap the four cubes share.
    /// </summary>
    public partial class CategoryCubeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_archive_rollups_category_cube ON archive_rollups (day, category) INCLUDE (contacts) WHERE cube = 4");
            migrationBuilder.Sql("CREATE INDEX ix_archive_rollups_region_cube ON archive_rollups (day, region_code, category) INCLUDE (contacts) WHERE cube = 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_archive_rollups_region_cube");
            migrationBuilder.Sql("DROP INDEX ix_archive_rollups_category_cube");
        }
    }
}
