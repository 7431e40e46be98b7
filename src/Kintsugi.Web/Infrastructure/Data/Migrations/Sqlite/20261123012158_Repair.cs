using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kintsugi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Repair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Spaces",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Atone");

            migrationBuilder.AddColumn<Guid>(
                name: "BreachId",
                table: "JournalEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConversationId",
                table: "JournalEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "JournalEntries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Entry");

            migrationBuilder.CreateTable(
                name: "Breaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Record = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstSharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Breaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Breaches_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Breaches_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RevealedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRounds_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageVotes",
                columns: table => new
                {
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageVotes", x => new { x.SpaceId, x.UserId });
                    table.ForeignKey(
                        name: "FK_StageVotes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StageVotes_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BreachId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SpeakerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PausedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextSteps = table.Column<byte[]>(type: "BLOB", nullable: false),
                    NextTime = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_Breaches_BreachId",
                        column: x => x.BreachId,
                        principalTable: "Breaches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Conversations_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionAnswers",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAnswers", x => new { x.RoundId, x.UserId });
                    table.ForeignKey(
                        name: "FK_DecisionAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionAnswers_DecisionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "DecisionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SpeakerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListenerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Heard = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Correction = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reflections_AspNetUsers_ListenerId",
                        column: x => x.ListenerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reflections_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_BreachId",
                table: "JournalEntries",
                column: "BreachId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ConversationId",
                table: "JournalEntries",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_AuthorId",
                table: "Breaches",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_SpaceId_CreatedAt",
                table: "Breaches",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_BreachId",
                table: "Conversations",
                column: "BreachId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SpaceId_StartedAt",
                table: "Conversations",
                columns: new[] { "SpaceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAnswers_SpaceId_UserId",
                table: "DecisionAnswers",
                columns: new[] { "SpaceId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAnswers_UserId",
                table: "DecisionAnswers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRounds_SpaceId_Number",
                table: "DecisionRounds",
                columns: new[] { "SpaceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_ConversationId_CreatedAt",
                table: "Reflections",
                columns: new[] { "ConversationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_ListenerId",
                table: "Reflections",
                column: "ListenerId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_SpaceId_ListenerId",
                table: "Reflections",
                columns: new[] { "SpaceId", "ListenerId" });

            migrationBuilder.CreateIndex(
                name: "IX_StageVotes_UserId",
                table: "StageVotes",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_Breaches_BreachId",
                table: "JournalEntries",
                column: "BreachId",
                principalTable: "Breaches",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_Conversations_ConversationId",
                table: "JournalEntries",
                column: "ConversationId",
                principalTable: "Conversations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_Breaches_BreachId",
                table: "JournalEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_Conversations_ConversationId",
                table: "JournalEntries");

            migrationBuilder.DropTable(
                name: "DecisionAnswers");

            migrationBuilder.DropTable(
                name: "Reflections");

            migrationBuilder.DropTable(
                name: "StageVotes");

            migrationBuilder.DropTable(
                name: "DecisionRounds");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "Breaches");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_BreachId",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_ConversationId",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "Spaces");

            migrationBuilder.DropColumn(
                name: "BreachId",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "ConversationId",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "JournalEntries");
        }
    }
}
