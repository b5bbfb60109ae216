using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsuyama.LocalCurrency.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ShopStoreNumbersAndClerks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StoreNumber",
                table: "Merchants",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("0193a000-0000-7000-8000-000000000006"), "0193a000000070008000000000000006", "Clerk", "CLERK" });

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_StoreNumber",
                table: "Merchants",
                column: "StoreNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Merchants_StoreNumber",
                table: "Merchants");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000000000006"));

            migrationBuilder.DropColumn(
                name: "StoreNumber",
                table: "Merchants");
        }
    }
}
