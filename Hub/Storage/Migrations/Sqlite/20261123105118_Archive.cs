using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Sqlite
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
                    cube = table.Column<short>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    measure = table.Column<short>(type: "INTEGER", nullable: false),
                    bucket = table.Column<short>(type: "INTEGER", nullable: false),
                    contacts = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_duration_rollups", x => new { x.cube, x.day, x.entity_code, x.region_code, x.category, x.measure, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "archive_records",
                columns: table => new
                {
                    node_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    taxonomy_version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    request_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    first_response_seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    resolution_seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    area_istat_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    area_cell = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    citizen = table.Column<string>(type: "TEXT", maxLength: 22, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    faq_ids = table.Column<string>(type: "TEXT", maxLength: 1300, nullable: true),
                    satisfaction = table.Column<short>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_records", x => new { x.node_id, x.record_id, x.closed_at });
                });

            migrationBuilder.CreateTable(
                name: "archive_rollups",
                columns: table => new
                {
                    cube = table.Column<short>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    request_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    area_istat_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    contacts = table.Column<long>(type: "INTEGER", nullable: false),
                    first_response_count = table.Column<long>(type: "INTEGER", nullable: false),
                    first_response_sum = table.Column<long>(type: "INTEGER", nullable: false),
                    resolution_count = table.Column<long>(type: "INTEGER", nullable: false),
                    resolution_sum = table.Column<long>(type: "INTEGER", nullable: false),
                    satisfaction_count = table.Column<long>(type: "INTEGER", nullable: false),
                    satisfaction_sum = table.Column<long>(type: "INTEGER", nullable: false)
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
