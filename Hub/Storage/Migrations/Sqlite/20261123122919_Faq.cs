using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Faq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_change_counters",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_change_counters", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    keywords = table.Column<string>(type: "TEXT", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    valid_from = table.Column<long>(type: "INTEGER", nullable: true),
                    valid_to = table.Column<long>(type: "INTEGER", nullable: true),
                    owner_node_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entries_nodes_owner_node_id",
                        column: x => x.owner_node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "faq_synonym_lists",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by_node_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_synonym_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "faq_entry_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    actor_node_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_is_editor = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_fields = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entry_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entry_versions_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "faq_change_counters",
                columns: new[] { "name", "value" },
                values: new object[] { "faq", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_owner_node_id_status",
                table: "faq_entries",
                columns: new[] { "owner_node_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_version",
                table: "faq_entries",
                column: "version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_faq_entry_versions_entry_id_version",
                table: "faq_entry_versions",
                columns: new[] { "entry_id", "version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_change_counters");

            migrationBuilder.DropTable(
                name: "faq_entry_versions");

            migrationBuilder.DropTable(
                name: "faq_synonym_lists");

            migrationBuilder.DropTable(
                name: "faq_entries");
        }
    }
}
