using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SalesAndGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ApplicationId",
                table: "Purchases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Purchases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "Purchases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "Purchases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Purchases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "Purchases",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PaymentMethod",
                table: "Purchases",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PaymentNote",
                table: "Purchases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GrantBudgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TotalPoints = table.Column<long>(type: "INTEGER", nullable: false),
                    RemainingPoints = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantBudgets", x => x.Id);
                    table.CheckConstraint("CK_GrantBudgets_Remaining", "RemainingPoints >= 0 AND RemainingPoints <= TotalPoints");
                    table.ForeignKey(
                        name: "FK_GrantBudgets_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LotteryDraws",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitsOnSale = table.Column<int>(type: "INTEGER", nullable: false),
                    Applications = table.Column<int>(type: "INTEGER", nullable: false),
                    Winners = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LotteryDraws", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ProgramSales",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaymentDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PremiumBudget = table.Column<long>(type: "INTEGER", nullable: true),
                    PremiumCommitted = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitsReserved = table.Column<int>(type: "INTEGER", nullable: false),
                    LotteryDrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramSales", x => x.ProgramId);
                    table.CheckConstraint("CK_ProgramSales_Premium", "PremiumCommitted >= 0 AND (PremiumBudget IS NULL OR PremiumCommitted <= PremiumBudget)");
                    table.CheckConstraint("CK_ProgramSales_Reserved", "UnitsReserved >= 0");
                    table.ForeignKey(
                        name: "FK_ProgramSales_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProviderEvents",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PurchaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderEvents", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "ResidentVerifications",
                columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentVerifications", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_ResidentVerifications_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SalesApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    AllocatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PayBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PurchaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesApplications_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SalesApplications_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_GrantBudgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "GrantBudgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("0193a000-0000-7000-8000-000000000005"), "0193a000000070008000000000000005", "Counter", "COUNTER" });

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_ApplicationId",
                table: "Purchases",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantBudgets_Code",
                table: "GrantBudgets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantBudgets_ProgramId",
                table: "GrantBudgets",
                column: "ProgramId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_BudgetId_RowKey",
                table: "Grants",
                columns: new[] { "BudgetId", "RowKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ResidentId",
                table: "Grants",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesApplications_ProgramId_ResidentId",
                table: "SalesApplications",
                columns: new[] { "ProgramId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesApplications_ProgramId_Status",
                table: "SalesApplications",
                columns: new[] { "ProgramId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesApplications_ResidentId",
                table: "SalesApplications",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Grants");

            migrationBuilder.DropTable(
                name: "LotteryDraws");

            migrationBuilder.DropTable(
                name: "ProgramSales");

            migrationBuilder.DropTable(
                name: "ProviderEvents");

            migrationBuilder.DropTable(
                name: "ResidentVerifications");

            migrationBuilder.DropTable(
                name: "SalesApplications");

            migrationBuilder.DropTable(
                name: "GrantBudgets");

            migrationBuilder.DropIndex(
                name: "IX_Purchases_ApplicationId",
                table: "Purchases");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000000000005"));

            migrationBuilder.DropColumn(
                name: "ApplicationId",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "PaymentMethod",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "PaymentNote",
                table: "Purchases");
        }
    }
}
