using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LegCrampCare.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The PostgreSQL baseline (ADR 0022): the same model as the SQLite baseline, with the same immutability rules as
    /// PL/pgSQL triggers.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    HealthDataConsentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StaffName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.CheckConstraint("CK_AspNetUsers_StaffName_Length", "length(\"StaffName\") <= 100");
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Resource = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CareGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MidwifeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceArticles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsSafetyCritical = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseTasks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseTasks", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ShareCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Episodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientRequestHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Night = table.Column<DateOnly>(type: "date", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    Locations = table.Column<int>(type: "integer", nullable: false),
                    PainScore = table.Column<int>(type: "integer", nullable: true),
                    HelpedBy = table.Column<int>(type: "integer", nullable: false),
                    PainAfterHours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    ContinuousPainMinutes = table.Column<int>(type: "integer", nullable: true),
                    CalfDifferenceCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    MidwifeCalfDifferenceCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PainCheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PainGoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answers_ButtockGroinOrBackPain = table.Column<int>(type: "integer", nullable: false),
                    Answers_ChestPain = table.Column<int>(type: "integer", nullable: false),
                    Answers_CoughingBlood = table.Column<int>(type: "integer", nullable: false),
                    Answers_CrampOver10Minutes = table.Column<int>(type: "integer", nullable: false),
                    Answers_Dizziness = table.Column<int>(type: "integer", nullable: false),
                    Answers_EasedByStretching = table.Column<int>(type: "integer", nullable: false),
                    Answers_FaceOrHandSwelling = table.Column<int>(type: "integer", nullable: false),
                    Answers_Fainted = table.Column<int>(type: "integer", nullable: false),
                    Answers_Fever = table.Column<int>(type: "integer", nullable: false),
                    Answers_GradualBreathlessness = table.Column<int>(type: "integer", nullable: false),
                    Answers_HardSoreVein = table.Column<int>(type: "integer", nullable: false),
                    Answers_HeavyAche = table.Column<int>(type: "integer", nullable: false),
                    Answers_PainAfterImproving = table.Column<int>(type: "integer", nullable: false),
                    Answers_PainBelowRibs = table.Column<int>(type: "integer", nullable: false),
                    Answers_PainOnWalkingOrStanding = table.Column<int>(type: "integer", nullable: false),
                    Answers_PainPullingToesUp = table.Column<int>(type: "integer", nullable: false),
                    Answers_PainSide = table.Column<int>(type: "integer", nullable: true),
                    Answers_PainStillThere = table.Column<int>(type: "integer", nullable: false),
                    Answers_RacingHeart = table.Column<int>(type: "integer", nullable: false),
                    Answers_RedOrDarkerSkin = table.Column<int>(type: "integer", nullable: false),
                    Answers_SevereHeadache = table.Column<int>(type: "integer", nullable: false),
                    Answers_SleepBadlyDisturbed = table.Column<int>(type: "integer", nullable: false),
                    Answers_SuddenBreathlessness = table.Column<int>(type: "integer", nullable: false),
                    Answers_SuddenFeetSwelling = table.Column<int>(type: "integer", nullable: false),
                    Answers_Swelling = table.Column<int>(type: "integer", nullable: false),
                    Answers_Tenderness = table.Column<int>(type: "integer", nullable: false),
                    Answers_VisionProblems = table.Column<int>(type: "integer", nullable: false),
                    Answers_Warmth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Episodes", x => x.Id);
                    table.CheckConstraint("CK_Episodes_Notes_Length", "length(\"Notes\") <= 2000");
                    table.ForeignKey(
                        name: "FK_Episodes_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientActivity",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LastEpisodeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnreviewedRoutine = table.Column<int>(type: "integer", nullable: false),
                    UnreviewedUrgent = table.Column<int>(type: "integer", nullable: false),
                    UnreviewedEmergency = table.Column<int>(type: "integer", nullable: false),
                    OldestAtHighestUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LatestNight = table.Column<DateOnly>(type: "date", nullable: true),
                    RecentNights = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientActivity", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_PatientActivity_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientNights",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Night = table.Column<DateOnly>(type: "date", nullable: false),
                    EpisodeCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientNights", x => new { x.PatientId, x.Night });
                    table.ForeignKey(
                        name: "FK_PatientNights_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PregnancyProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    HospitalNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BirthMode = table.Column<int>(type: "integer", nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RiskFactors = table.Column<long>(type: "bigint", nullable: false),
                    MaternityPhone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PregnancyEndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BabyArrivedPromptAnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Theme = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PregnancyProfiles", x => x.UserId);
                    table.CheckConstraint("CK_PregnancyProfiles_DisplayName_Length", "length(\"DisplayName\") <= 100");
                    table.CheckConstraint("CK_PregnancyProfiles_HospitalNumber_Length", "length(\"HospitalNumber\") <= 20");
                    table.CheckConstraint("CK_PregnancyProfiles_MaternityPhone_Length", "length(\"MaternityPhone\") <= 16");
                    table.ForeignKey(
                        name: "FK_PregnancyProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    SourcesJson = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    ReviewIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    EvidenceCheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangeSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ApprovedById = table.Column<string>(type: "text", nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovedByRole = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceRevisions", x => x.Id);
                    table.CheckConstraint("CK_GuidanceRevisions_BodyMarkdown_Length", "length(\"BodyMarkdown\") <= 100000");
                    table.CheckConstraint("CK_GuidanceRevisions_ChangeSummary_Length", "length(\"ChangeSummary\") <= 500");
                    table.CheckConstraint("CK_GuidanceRevisions_ReturnComment_Length", "length(\"ReturnComment\") <= 2000");
                    table.CheckConstraint("CK_GuidanceRevisions_SourcesJson_Length", "length(\"SourcesJson\") <= 50000");
                    table.CheckConstraint("CK_GuidanceRevisions_Summary_Length", "length(\"Summary\") <= 300");
                    table.CheckConstraint("CK_GuidanceRevisions_Title_Length", "length(\"Title\") <= 200");
                    table.ForeignKey(
                        name: "FK_GuidanceRevisions_GuidanceArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "GuidanceArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<byte>(type: "smallint", nullable: false),
                    FiredRules = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsIncomplete = table.Column<bool>(type: "boolean", nullable: false),
                    LeftScore = table.Column<int>(type: "integer", nullable: true),
                    RcogPoints = table.Column<int>(type: "integer", nullable: false),
                    HighRiskContext = table.Column<bool>(type: "boolean", nullable: false),
                    InputsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    GuidanceShown = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeviceClockOffsetSeconds = table.Column<int>(type: "integer", nullable: true),
                    ShownLevel = table.Column<byte>(type: "smallint", nullable: true),
                    ShownRuleSetVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnreviewedFlags",
                columns: table => new
                {
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<byte>(type: "smallint", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnreviewedFlags", x => x.EpisodeId);
                    table.ForeignKey(
                        name: "FK_UnreviewedFlags_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlagReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MidwifeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagReviews", x => x.Id);
                    table.CheckConstraint("CK_FlagReviews_Note_Length", "length(\"Note\") <= 1000");
                    table.ForeignKey(
                        name: "FK_FlagReviews_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EpisodeId_AssessedAtUtc",
                table: "Assessments",
                columns: new[] { "EpisodeId", "AssessedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PatientId_AssessedAtUtc",
                table: "Assessments",
                columns: new[] { "PatientId", "AssessedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_AtUtc",
                table: "AuditEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectUserId",
                table: "AuditEvents",
                column: "SubjectUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CareGrants_MidwifeId_RevokedAtUtc",
                table: "CareGrants",
                columns: new[] { "MidwifeId", "RevokedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CareGrants_PatientId",
                table: "CareGrants",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PatientId_ClientId",
                table: "Episodes",
                columns: new[] { "PatientId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PatientId_Night",
                table: "Episodes",
                columns: new[] { "PatientId", "Night" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PatientId_StartedAtUtc",
                table: "Episodes",
                columns: new[] { "PatientId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_AssessmentId",
                table: "FlagReviews",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_PatientId_AtUtc",
                table: "FlagReviews",
                columns: new[] { "PatientId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_PatientId_EpisodeId",
                table: "FlagReviews",
                columns: new[] { "PatientId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceArticles_Slug",
                table: "GuidanceArticles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRevisions_ArticleId_Number",
                table: "GuidanceRevisions",
                columns: new[] { "ArticleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_CodeHash",
                table: "ShareCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_PatientId",
                table: "ShareCodes",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_UnreviewedFlags_AssessmentId",
                table: "UnreviewedFlags",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_UnreviewedFlags_PatientId_Level_SinceUtc",
                table: "UnreviewedFlags",
                columns: new[] { "PatientId", "Level", "SinceUtc" });

            // The records that must never change (ADR 0022: the same columns and exceptions as the SQLite set). One
            // function raises the trigger's message; a row-level BEFORE trigger per rule.
            migrationBuilder.Sql(
                "CREATE FUNCTION lcc_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ " +
                "BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;");

            // Assessments are immutable (clinical principle 4); an erased account's rows can still be deleted.
            migrationBuilder.Sql(
                "CREATE TRIGGER \"Assessments_NoUpdate\" BEFORE UPDATE ON \"Assessments\" FOR EACH ROW " +
                "EXECUTE FUNCTION lcc_refuse_change('Assessments are immutable: add a new one instead.');");

            // The audit trail is append-only: no delete, and no change except replacing an erased account's id with its
            // pseudonym (ActorId, SubjectUserId: AccountEraser).
            migrationBuilder.Sql(
                "CREATE TRIGGER \"AuditEvents_NoDelete\" BEFORE DELETE ON \"AuditEvents\" FOR EACH ROW " +
                "EXECUTE FUNCTION lcc_refuse_change('The audit trail is append-only.');");
            // TRUNCATE fires no row trigger (SQLite has none: its DELETE without WHERE is refused above).
            migrationBuilder.Sql(
                "CREATE TRIGGER \"AuditEvents_NoTruncate\" BEFORE TRUNCATE ON \"AuditEvents\" FOR EACH STATEMENT " +
                "EXECUTE FUNCTION lcc_refuse_change('The audit trail is append-only.');");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"AuditEvents_NoChange\" BEFORE UPDATE OF \"Id\", \"AtUtc\", \"ActorRole\", \"Action\", \"Resource\", \"Outcome\" " +
                "ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION lcc_refuse_change('The audit trail is append-only.');");

            // A review is written once and never changed; only an erased midwife's id may be replaced by its pseudonym.
            migrationBuilder.Sql(
                "CREATE TRIGGER \"FlagReviews_NoChange\" BEFORE UPDATE OF \"Id\", \"PatientId\", \"EpisodeId\", \"AssessmentId\", \"ReviewerName\", \"Note\", \"AtUtc\" " +
                "ON \"FlagReviews\" FOR EACH ROW EXECUTE FUNCTION lcc_refuse_change('A review is never changed.');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"FlagReviews_NoChange\" ON \"FlagReviews\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoChange\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoTruncate\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoDelete\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Assessments_NoUpdate\" ON \"Assessments\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS lcc_refuse_change();");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CareGrants");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FlagReviews");

            migrationBuilder.DropTable(
                name: "GuidanceRevisions");

            migrationBuilder.DropTable(
                name: "PatientActivity");

            migrationBuilder.DropTable(
                name: "PatientNights");

            migrationBuilder.DropTable(
                name: "PregnancyProfiles");

            migrationBuilder.DropTable(
                name: "ReleaseTasks");

            migrationBuilder.DropTable(
                name: "ShareCodes");

            migrationBuilder.DropTable(
                name: "UnreviewedFlags");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "GuidanceArticles");

            migrationBuilder.DropTable(
                name: "Episodes");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
