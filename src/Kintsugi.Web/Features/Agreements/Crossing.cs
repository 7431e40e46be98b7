using System.Text.Json;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>Where a crossed boundary is in its loop: examine → discuss → reset (seed 000). Public so that pages can bind it.</summary>
public enum CrossingStage
{
    Examine,
    Discuss,
    Reset,
}

/// <summary>How a crossing was reset.</summary>
public enum CrossingOutcome
{
    Reaffirm,
    Amend,
    ApplyConsequence,
}

/// <summary>What a crossing says, sealed as one value under the space key: who was involved is content too.</summary>
internal sealed record CrossingRecord(string Note, IReadOnlyList<Guid> Involved, string DiscussNotes, string ResetNote)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static CrossingRecord FromJson(string json) =>
        JsonSerializer.Deserialize<CrossingRecord>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("An empty crossing.");
}

/// <summary>
/// A record that an agreement (one exact version) was crossed. Anyone may record it, themselves
/// included; it is joint content of the partners, like the agreement. Each involved partner's view
/// is a journal entry (<see cref="Journal.EntryKind.Examination"/>), private until they share it.
/// </summary>
internal sealed class Crossing : IJointContent
{
    public const int NoteLength = 4_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AgreementId { get; set; }

    public int VersionNumber { get; set; }

    /// <summary>Who recorded it (a user id, not a key: the record stays when they leave).</summary>
    public Guid RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>The sealed <see cref="CrossingRecord"/>.</summary>
    public byte[] Record { get; set; } = [];

    public CrossingStage Stage { get; set; }

    public CrossingOutcome? Outcome { get; set; }

    /// <summary>The rebuilding conversation it was discussed in, if any.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>The container it is discussed in, if any; cleared if that container is called off.</summary>
    public Guid? ContainerId { get; set; }

    /// <summary>With <see cref="CrossingOutcome.Amend"/>: the version the amendment made.</summary>
    public int? AmendedTo { get; set; }

    /// <summary>Raised on every change: a save from a stale page is refused.</summary>
    public int Version { get; set; }

    public static string Bind(Guid id) => $"crossing:{id:N}:record";

    public CrossingRecord Open(byte[] spaceKey) => CrossingRecord.FromJson(ContentKeys.Open(spaceKey, Record, Bind(Id)));
}

/// <summary>The history of a crossing: each stage it reached, and when (server time). Who moved it is not kept.</summary>
internal sealed class CrossingMove
{
    public Guid Id { get; set; }

    public Guid CrossingId { get; set; }

    public CrossingStage Stage { get; set; }

    public CrossingOutcome? Outcome { get; set; }

    public DateTime At { get; set; }
}

internal sealed class CrossingConfiguration : IEntityTypeConfiguration<Crossing>
{
    public void Configure(EntityTypeBuilder<Crossing> builder)
    {
        builder.ToTable("Crossings");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.AgreementId, c.RecordedAt });
        builder.HasIndex(c => c.SpaceId);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Atone.Container>().WithMany().HasForeignKey(c => c.ContainerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CrossingMoveConfiguration : IEntityTypeConfiguration<CrossingMove>
{
    public void Configure(EntityTypeBuilder<CrossingMove> builder)
    {
        builder.ToTable("CrossingMoves");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.CrossingId, m.At });
        builder.HasOne<Crossing>().WithMany().HasForeignKey(m => m.CrossingId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The space's proactive plan: one per space, written together, guarded by a version like the next steps of a conversation.</summary>
internal sealed class ProactivePlan : IJointContent
{
    public const int PartLength = 4_000;

    public Guid SpaceId { get; set; }

    /// <summary>The sealed <see cref="PlanParts"/>.</summary>
    public byte[] Body { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public static string Bind(Guid spaceId) => $"plan:{spaceId:N}:body";
}

/// <summary>The four parts of the plan (PRODUCT.md stage 9).</summary>
internal sealed record PlanParts(string Misunderstandings, string UnmetExpectations, string PoorDecisions, string Miscommunication)
{
    public static readonly PlanParts Empty = new("", "", "", "");

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static PlanParts FromJson(string json) =>
        JsonSerializer.Deserialize<PlanParts>(json, JsonSerializerOptions.Web) ?? Empty;
}

internal sealed class ProactivePlanConfiguration : IEntityTypeConfiguration<ProactivePlan>
{
    public void Configure(EntityTypeBuilder<ProactivePlan> builder)
    {
        builder.ToTable("ProactivePlans");
        builder.HasKey(p => p.SpaceId);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
