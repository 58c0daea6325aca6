using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Postgres
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "not_helpful_count",
                table: "faq_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "used_count",
                table: "faq_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "faq_feedback",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    search_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    search_id = table.Column<Guid>(type: "uuid", nullable: false),
                    query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    normalised_query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    category_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    total_hits = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
