using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PaperIssues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IssuedBy = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    IssuerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "nvarchar(14)", maxLength: 14, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperIssues_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaperIssues_Kind_MerchantId_Subject",
                table: "PaperIssues",
                columns: new[] { "Kind", "MerchantId", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperIssues_MerchantId",
                table: "PaperIssues",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperIssues_Number",
                table: "PaperIssues",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaperIssues");
        }
    }
}
