using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Settlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Notifications_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Cutoff = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TransferDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MerchantCount = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    FeeYen = table.Column<long>(type: "bigint", nullable: false),
                    TaxInFeeYen = table.Column<long>(type: "bigint", nullable: false),
                    PayoutYen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settlements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlementLines",
                columns: table => new
                {
                    SettlementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    FeeYen = table.Column<long>(type: "bigint", nullable: false),
                    TaxInFeeYen = table.Column<long>(type: "bigint", nullable: false),
                    PayoutYen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementLines", x => new { x.SettlementId, x.MerchantId, x.ProgramId });
                    table.CheckConstraint("CK_SettlementLines_Amounts", "Points > 0 AND FeeYen >= 0 AND PayoutYen = Points - FeeYen");
                    table.ForeignKey(
                        name: "FK_SettlementLines_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementLines_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementLines_Settlements_SettlementId",
                        column: x => x.SettlementId,
                        principalTable: "Settlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_FromAccountId_CreatedAt",
                table: "Transfers",
                columns: new[] { "FromAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ProgramId",
                table: "Notifications",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ResidentId_ProgramId_ExpiresOn_Kind",
                table: "Notifications",
                columns: new[] { "ResidentId", "ProgramId", "ExpiresOn", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_MerchantId",
                table: "SettlementLines",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_ProgramId",
                table: "SettlementLines",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_Cutoff",
                table: "Settlements",
                column: "Cutoff",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "SettlementLines");

            migrationBuilder.DropTable(
                name: "Settlements");

            migrationBuilder.DropIndex(
                name: "IX_Transfers_FromAccountId_CreatedAt",
                table: "Transfers");
        }
    }
}
