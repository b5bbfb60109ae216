using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LedgerChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Ok = table.Column<bool>(type: "bit", nullable: false),
                    Transfers = table.Column<long>(type: "bigint", nullable: false),
                    SealedTransfers = table.Column<long>(type: "bigint", nullable: false),
                    Blocks = table.Column<int>(type: "int", nullable: false),
                    ProblemCount = table.Column<int>(type: "int", nullable: false),
                    Problems = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Head = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Signed = table.Column<bool>(type: "bit", nullable: false),
                    CheckedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerChecks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerChecks_CheckedAt",
                table: "LedgerChecks",
                column: "CheckedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerChecks");
        }
    }
}
