using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FaqLearning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "faq_entry_versions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "not_helpful_count",
                table: "faq_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "used_count",
                table: "faq_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "faq_feedback",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    node_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    feedback_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    search_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_feedback_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_faq_feedback_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_search_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    node_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    search_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    normalised_query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    total_hits = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_search_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_search_log_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_faq_feedback_at",
                table: "faq_feedback",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_faq_feedback_entry_id",
                table: "faq_feedback",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_faq_feedback_node_id_feedback_id",
                table: "faq_feedback",
                columns: new[] { "node_id", "feedback_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_faq_feedback_node_id_search_id",
                table: "faq_feedback",
                columns: new[] { "node_id", "search_id" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_search_log_at",
                table: "faq_search_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_faq_search_log_node_id_search_id",
                table: "faq_search_log",
                columns: new[] { "node_id", "search_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_feedback");

            migrationBuilder.DropTable(
                name: "faq_search_log");

            migrationBuilder.DropColumn(
                name: "source",
                table: "faq_entry_versions");

            migrationBuilder.DropColumn(
                name: "not_helpful_count",
                table: "faq_entries");

            migrationBuilder.DropColumn(
                name: "used_count",
                table: "faq_entries");
        }
    }
}
