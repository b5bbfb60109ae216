using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.SqlServer.Migrations
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
                type: "nvarchar(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PayeeAccountType",
                table: "SettlementLines",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PayeeBankNumber",
                table: "SettlementLines",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PayeeBranchNumber",
                table: "SettlementLines",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PayeeHolderKana",
                table: "SettlementLines",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RefundGraceDays",
                table: "Programs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RefundWindowDays",
                table: "Programs",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SettlementHolds",
                columns: table => new
                {
                    SettlementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
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
