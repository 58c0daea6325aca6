using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LineaHub.Hub.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Overflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "has_contact",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "offer_deadline_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "offers_made",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "queued_since",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inbox_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ticket_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbox_entries_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overflow_offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overflow_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_overflow_offers_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_overflow_offers_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_contacts",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    for_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    envelope = table.Column<string>(type: "character varying(16384)", maxLength: 16384, nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_contacts", x => x.ticket_id);
                    table.ForeignKey(
                        name: "fk_ticket_contacts_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_offer_deadline_at",
                table: "tickets",
                column: "offer_deadline_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_queued_since",
                table: "tickets",
                column: "queued_since");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_entries_node_id_id",
                table: "inbox_entries",
                columns: new[] { "node_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_overflow_offers_node_id_outcome_ended_at",
                table: "overflow_offers",
                columns: new[] { "node_id", "outcome", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "ix_overflow_offers_ticket_id_node_id",
                table: "overflow_offers",
                columns: new[] { "ticket_id", "node_id" });

            migrationBuilder.CreateIndex(
                name: "ux_overflow_offers_one_pending_per_ticket",
                table: "overflow_offers",
                column: "ticket_id",
                unique: true,
                filter: "outcome = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_entries");

            migrationBuilder.DropTable(
                name: "overflow_offers");

            migrationBuilder.DropTable(
                name: "ticket_contacts");

            migrationBuilder.DropIndex(
                name: "ix_tickets_offer_deadline_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_queued_since",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "has_contact",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "offer_deadline_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "offers_made",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "queued_since",
                table: "tickets");
        }
    }
}
