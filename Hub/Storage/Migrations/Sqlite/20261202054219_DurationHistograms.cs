using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Sqlite
{
    /// <summary>
    /// Duration histograms become one row per day, cell and measure with the bucket counts as a JSON array (how EF Core
    /// keeps an int array in SQLite; decision record 0006), converted from the rows per bucket; Down converts back.
    /// </summary>
    public partial class DurationHistograms : Migration
    {
        // More buckets than a duration in seconds held in an int can reach (DurationBuckets: 1.2^118 > 2^31).
        private const string Buckets = "WITH RECURSIVE series(bucket) AS (SELECT 0 UNION ALL SELECT bucket + 1 FROM series WHERE bucket < 127)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_duration_histograms",
                columns: table => new
                {
                    cube = table.Column<short>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    measure = table.Column<short>(type: "INTEGER", nullable: false),
                    counts = table.Column<string>(type: "TEXT", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_duration_histograms", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.measure });
                });

            migrationBuilder.Sql(
                $"""
                {Buckets}
                INSERT INTO archive_duration_histograms (cube, day, entity_code, region_code, category, measure, counts)
                SELECT k.cube, k.day, k.entity_code, k.region_code, k.category, k.measure,
                    (SELECT json_group_array(coalesce(h.contacts, 0) ORDER BY s.bucket)
                     FROM series s
                     LEFT JOIN archive_duration_rollups h
                         ON h.cube = k.cube AND h.day = k.day AND h.entity_code = k.entity_code AND h.region_code = k.region_code
                         AND h.category = k.category AND h.measure = k.measure AND h.bucket = s.bucket
                     WHERE s.bucket <= k.top)
                FROM (SELECT cube, day, entity_code, region_code, category, measure, max(bucket) AS top
                      FROM archive_duration_rollups GROUP BY cube, day, entity_code, region_code, category, measure) k
                """);

            migrationBuilder.DropTable(name: "archive_duration_rollups");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_duration_rollups",
                columns: table => new
                {
                    cube = table.Column<short>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    measure = table.Column<short>(type: "INTEGER", nullable: false),
                    bucket = table.Column<short>(type: "INTEGER", nullable: false),
                    contacts = table.Column<long>(type: "INTEGER", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_duration_rollups", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.measure, x.bucket });
                });

            migrationBuilder.Sql(
                """
                INSERT INTO archive_duration_rollups (cube, day, entity_code, region_code, category, measure, bucket, contacts)
                SELECT h.cube, h.day, h.entity_code, h.region_code, h.category, h.measure, CAST(j.key AS INTEGER), j.value
                FROM archive_duration_histograms h, json_each(h.counts) j
                WHERE j.value > 0
                """);

            migrationBuilder.DropTable(name: "archive_duration_histograms");
        }
    }
}
