using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivered_at",
                table: "inbox_entries",
                type: "timestamp with time zone",
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
