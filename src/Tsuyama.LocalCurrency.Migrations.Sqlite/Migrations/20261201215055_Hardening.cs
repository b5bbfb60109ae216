using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PayeeAccountNumber",
                table: "SettlementLines",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PayeeAccountType",
                table: "SettlementLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PayeeBankNumber",
                table: "SettlementLines",
                type: "TEXT",
                maxLength: 4,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PayeeBranchNumber",
                table: "SettlementLines",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PayeeHolderKana",
                table: "SettlementLines",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RefundGraceDays",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RefundWindowDays",
                table: "Programs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SettlementHolds",
                columns: table => new
                {
                    SettlementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementHolds", x => new { x.SettlementId, x.MerchantId });
                    table.ForeignKey(
                        name: "FK_SettlementHolds_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementHolds_Settlements_SettlementId",
                        column: x => x.SettlementId,
                        principalTable: "Settlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementHolds_MerchantId",
                table: "SettlementHolds",
                column: "MerchantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SettlementHolds");

            migrationBuilder.DropColumn(
                name: "PayeeAccountNumber",
                table: "SettlementLines");

            migrationBuilder.DropColumn(
                name: "PayeeAccountType",
                table: "SettlementLines");

            migrationBuilder.DropColumn(
                name: "PayeeBankNumber",
                table: "SettlementLines");

            migrationBuilder.DropColumn(
                name: "PayeeBranchNumber",
                table: "SettlementLines");

            migrationBuilder.DropColumn(
                name: "PayeeHolderKana",
                table: "SettlementLines");

            migrationBuilder.DropColumn(
                name: "RefundGraceDays",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "RefundWindowDays",
                table: "Programs");
        }
    }
}
