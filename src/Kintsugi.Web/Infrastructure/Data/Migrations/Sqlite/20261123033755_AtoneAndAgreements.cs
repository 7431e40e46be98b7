using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kintsugi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AtoneAndAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CrossingId",
                table: "JournalEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LetterId",
                table: "JournalEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latest = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
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
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Commitments_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Containers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plan = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithPractitioner = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SpeakerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PausedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Closing = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Containers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Containers_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstSharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Draft = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Letters_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProactivePlans",
                columns: table => new
                {
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProactivePlans", x => x.SpaceId);
                    table.ForeignKey(
                        name: "FK_ProactivePlans_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderOptIns",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderOptIns", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ReminderOptIns_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ref = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedFor = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledReminders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScheduledReminders_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CrossingId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => new { x.AgreementId, x.Number });
                    table.ForeignKey(
                        name: "FK_AgreementVersions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowThroughs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kept = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowThroughs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowThroughs_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContainerReminders",
                columns: table => new
                {
                    ContainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContainerReminders", x => new { x.ContainerId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ContainerReminders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContainerReminders_Containers_ContainerId",
                        column: x => x.ContainerId,
                        principalTable: "Containers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Crossings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Record = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContainerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmendedTo = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Crossings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Crossings_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Crossings_Containers_ContainerId",
                        column: x => x.ContainerId,
                        principalTable: "Containers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Crossings_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "HonestQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ForContainer = table.Column<bool>(type: "INTEGER", nullable: false),
                    TalkedAboutIn = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonestQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HonestQuestions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HonestQuestions_Containers_TalkedAboutIn",
                        column: x => x.TalkedAboutIn,
                        principalTable: "Containers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HonestQuestions_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParkedItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContainerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TalkedAbout = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParkedItems_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParkedItems_Containers_ContainerId",
                        column: x => x.ContainerId,
                        principalTable: "Containers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ParkedItems_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LetterDrafts",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedWith = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterDrafts", x => new { x.LetterId, x.Number });
                    table.ForeignKey(
                        name: "FK_LetterDrafts_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatures",
                columns: table => new
                {
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatures", x => new { x.AgreementId, x.Number, x.UserId });
                    table.ForeignKey(
                        name: "FK_AgreementSignatures_AgreementVersions_AgreementId_Number",
                        columns: x => new { x.AgreementId, x.Number },
                        principalTable: "AgreementVersions",
                        principalColumns: new[] { "AgreementId", "Number" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementSignatures_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Noticed",
                columns: table => new
                {
                    FollowThroughId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Noticed", x => new { x.FollowThroughId, x.UserId });
                    table.ForeignKey(
                        name: "FK_Noticed_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Noticed_FollowThroughs_FollowThroughId",
                        column: x => x.FollowThroughId,
                        principalTable: "FollowThroughs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrossingMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrossingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrossingMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrossingMoves_Crossings_CrossingId",
                        column: x => x.CrossingId,
                        principalTable: "Crossings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HonestAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonestAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HonestAnswers_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HonestAnswers_HonestQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "HonestQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_CrossingId",
                table: "JournalEntries",
                column: "CrossingId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_LetterId",
                table: "JournalEntries",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_SpaceId_CreatedAt",
                table: "Agreements",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatures_UserId",
                table: "AgreementSignatures",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AuthorId",
                table: "Commitments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_SpaceId_CreatedAt",
                table: "Commitments",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContainerReminders_UserId",
                table: "ContainerReminders",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Containers_SpaceId_StartsAt",
                table: "Containers",
                columns: new[] { "SpaceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrossingMoves_CrossingId_At",
                table: "CrossingMoves",
                columns: new[] { "CrossingId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Crossings_AgreementId_RecordedAt",
                table: "Crossings",
                columns: new[] { "AgreementId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Crossings_ContainerId",
                table: "Crossings",
                column: "ContainerId");

            migrationBuilder.CreateIndex(
                name: "IX_Crossings_ConversationId",
                table: "Crossings",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Crossings_SpaceId",
                table: "Crossings",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_CommitmentId_Day",
                table: "FollowThroughs",
                columns: new[] { "CommitmentId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_HonestAnswers_AuthorId",
                table: "HonestAnswers",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_HonestAnswers_QuestionId_AuthorId",
                table: "HonestAnswers",
                columns: new[] { "QuestionId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HonestQuestions_AuthorId",
                table: "HonestQuestions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_HonestQuestions_SpaceId_CreatedAt",
                table: "HonestQuestions",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HonestQuestions_TalkedAboutIn",
                table: "HonestQuestions",
                column: "TalkedAboutIn");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_AuthorId",
                table: "Letters",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_SpaceId_CreatedAt",
                table: "Letters",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Noticed_UserId",
                table: "Noticed",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ParkedItems_AuthorId",
                table: "ParkedItems",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ParkedItems_ContainerId",
                table: "ParkedItems",
                column: "ContainerId");

            migrationBuilder.CreateIndex(
                name: "IX_ParkedItems_SpaceId_AuthorId",
                table: "ParkedItems",
                columns: new[] { "SpaceId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_Ref",
                table: "ScheduledReminders",
                column: "Ref");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_SentAt_DueAt",
                table: "ScheduledReminders",
                columns: new[] { "SentAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_SpaceId",
                table: "ScheduledReminders",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_UserId_SpaceId",
                table: "ScheduledReminders",
                columns: new[] { "UserId", "SpaceId" });

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_Crossings_CrossingId",
                table: "JournalEntries",
                column: "CrossingId",
                principalTable: "Crossings",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_Letters_LetterId",
                table: "JournalEntries",
                column: "LetterId",
                principalTable: "Letters",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_Crossings_CrossingId",
                table: "JournalEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_Letters_LetterId",
                table: "JournalEntries");

            migrationBuilder.DropTable(
                name: "AgreementSignatures");

            migrationBuilder.DropTable(
                name: "ContainerReminders");

            migrationBuilder.DropTable(
                name: "CrossingMoves");

            migrationBuilder.DropTable(
                name: "HonestAnswers");

            migrationBuilder.DropTable(
                name: "LetterDrafts");

            migrationBuilder.DropTable(
                name: "Noticed");

            migrationBuilder.DropTable(
                name: "ParkedItems");

            migrationBuilder.DropTable(
                name: "ProactivePlans");

            migrationBuilder.DropTable(
                name: "ReminderOptIns");

            migrationBuilder.DropTable(
                name: "ScheduledReminders");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropTable(
                name: "Crossings");

            migrationBuilder.DropTable(
                name: "HonestQuestions");

            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropTable(
                name: "FollowThroughs");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Containers");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_CrossingId",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_LetterId",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "CrossingId",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "LetterId",
                table: "JournalEntries");
        }
    }
}
