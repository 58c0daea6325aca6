using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Archive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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
                    contacts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_duration_rollups", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.measure, x.bucket });
                });

            // EF cannot declare a partitioned table: archive_records is partitioned by month of closed_at, so the
            // retention job drops whole months (DROP TABLE of a partition, no mass DELETE) and a query over a period
            // reads only its months. Partitions are created by the ingestion when a month first appears.
            migrationBuilder.Sql("""
                CREATE TABLE archive_records (
                    node_id uuid NOT NULL,
                    record_id character varying(64) NOT NULL,
                    closed_at timestamp with time zone NOT NULL,
                    opened_at timestamp with time zone NOT NULL,
                    received_at timestamp with time zone NOT NULL,
                    entity_code character varying(16) NOT NULL,
                    region_code character varying(2) NOT NULL,
                    taxonomy_version character varying(16) NOT NULL,
                    category character varying(64) NOT NULL,
                    channel character varying(32) NOT NULL,
                    request_type character varying(32) NOT NULL,
                    outcome character varying(32) NOT NULL,
                    first_response_seconds integer NULL,
                    resolution_seconds integer NULL,
                    area_istat_code character varying(6) NOT NULL,
                    area_cell character varying(24) NULL,
                    citizen character varying(22) NULL,
                    text character varying(2000) NULL,
                    faq_ids character varying(1300) NULL,
                    satisfaction smallint NULL,
                    CONSTRAINT pk_archive_records PRIMARY KEY (node_id, record_id, closed_at)
                ) PARTITION BY RANGE (closed_at);
                """);

            migrationBuilder.CreateTable(
                name: "archive_rollups",
                columns: table => new
                {
                    cube = table.Column<short>(type: "smallint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    request_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    area_istat_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    contacts = table.Column<long>(type: "bigint", nullable: false),
                    first_response_count = table.Column<long>(type: "bigint", nullable: false),
                    first_response_sum = table.Column<long>(type: "bigint", nullable: false),
                    resolution_count = table.Column<long>(type: "bigint", nullable: false),
                    resolution_sum = table.Column<long>(type: "bigint", nullable: false),
                    satisfaction_count = table.Column<long>(type: "bigint", nullable: false),
                    satisfaction_sum = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_rollups", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.channel, x.request_type, x.outcome, x.area_istat_code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_archive_records_closed_at",
                table: "archive_records",
                column: "closed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archive_duration_rollups");

            migrationBuilder.DropTable(
                name: "archive_records");

            migrationBuilder.DropTable(
                name: "archive_rollups");
        }
    }
}
