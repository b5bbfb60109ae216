using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConsoleTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedAt",
                table: "Merchants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LedgerChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Ok = table.Column<bool>(type: "boolean", nullable: false),
                    Transfers = table.Column<long>(type: "bigint", nullable: false),
                    SealedTransfers = table.Column<long>(type: "bigint", nullable: false),
                    Blocks = table.Column<int>(type: "integer", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    Problems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Head = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Signed = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScenarioJson = table.Column<string>(type: "text", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedScenarios", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerChecks_CheckedAt",
                table: "LedgerChecks",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SavedScenarios_CreatedAt",
                table: "SavedScenarios",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerChecks");

            migrationBuilder.DropTable(
                name: "SavedScenarios");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "AspNetUsers");
        }
    }
}
