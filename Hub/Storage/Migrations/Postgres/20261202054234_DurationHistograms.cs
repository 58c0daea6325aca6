using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Postgres
{
    /// <summary>
    /// Duration histograms become one row per day, cell and measure with the bucket counts as an integer array (decision
    /// record 0006), converted from the rows per bucket; Down converts back.
    /// </summary>
    public partial class DurationHistograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_duration_histograms",
                columns: table => new
                {
                    cube = table.Column<short>(type: "smallint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    measure = table.Column<short>(type: "smallint", nullable: false),
                    counts = table.Column<int[]>(type: "integer[]", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_duration_histograms", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.measure });
                });

            migrationBuilder.Sql(
                """
                INSERT INTO archive_duration_histograms (cube, day, entity_code, region_code, category, measure, counts)
                SELECT k.cube, k.day, k.entity_code, k.region_code, k.category, k.measure,
                    ARRAY(SELECT coalesce(h.contacts, 0)::integer
                          FROM generate_series(0, k.top) AS s(bucket)
                          LEFT JOIN archive_duration_rollups h
                              ON h.cube = k.cube AND h.day = k.day AND h.entity_code = k.entity_code AND h.region_code = k.region_code
                              AND h.category = k.category AND h.measure = k.measure AND h.bucket = s.bucket
                          ORDER BY s.bucket)
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
                    cube = table.Column<short>(type: "smallint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    measure = table.Column<short>(type: "smallint", nullable: false),
                    bucket = table.Column<short>(type: "smallint", nullable: false),
                    contacts = table.Column<long>(type: "bigint", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_duration_rollups", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.measure, x.bucket });
                });

            migrationBuilder.Sql(
                """
                INSERT INTO archive_duration_rollups (cube, day, entity_code, region_code, category, measure, bucket, contacts)
                SELECT h.cube, h.day, h.entity_code, h.region_code, h.category, h.measure, (u.ordinal - 1)::smallint, u.contacts
                FROM archive_duration_histograms h, unnest(h.counts) WITH ORDINALITY AS u(contacts, ordinal)
                WHERE u.contacts > 0
                """);

            migrationBuilder.DropTable(name: "archive_duration_histograms");
        }
    }
}
