using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Idempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    response_status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    response_headers = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    response_body = table.Column<string>(type: "TEXT", nullable: true),
                    created_at_unix_seconds = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at_unix_seconds = table.Column<long>(type: "INTEGER", nullable: true),
                    expires_at_unix_seconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.caller, x.endpoint, x.idempotency_key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_expires_at_unix_seconds",
                table: "idempotency_records",
                column: "expires_at_unix_seconds");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_records");
        }
    }
}
