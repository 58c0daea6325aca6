using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "delivered_at",
                table: "inbox_entries",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "delivered_at",
                table: "inbox_entries");
        }
    }
}
