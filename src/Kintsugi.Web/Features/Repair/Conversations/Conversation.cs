using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The four steps of the rebuilding conversation (seed 000). Public so that pages can bind it.</summary>
public enum ConversationStep
{
    Listen,
    Forward,
    Apology,
    KeepTalking,
}

/// <summary>Whether the speaker has said "yes, that's it" to what a listener heard.</summary>
public enum ReflectionStatus
{
    Open,
    Confirmed,
    Corrected,
}

/// <summary>
/// A rebuilding conversation held by the partners of a space, together in a room or apart. It is
/// shared by all of them: anyone can move between steps, pass the turn, call a pause, write the
/// agreed next steps or schedule the next one. Its notes are journal entries with their own audience.
/// </summary>
internal sealed class Conversation : IJointContent
{
    public const int NextStepsLength = 5_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    /// <summary>The breach it is about, if any; roles in it choose which prompts each person reads first.</summary>
    public Guid? BreachId { get; set; }

    public ConversationStep Step { get; set; }

    /// <summary>Whose turn it is to speak (a user id); null when nobody has the floor.</summary>
    public Guid? SpeakerId { get; set; }

    /// <summary>A time-out was called: the conversation rests until then, or until someone resumes it.</summary>
    public DateTime? PausedUntil { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The agreed next steps, sealed under the space key.</summary>
    public byte[] NextSteps { get; set; } = [];

    /// <summary>When the next conversation is, sealed: local date and time as typed ("2026-12-01T19:00") and minutes.</summary>
    public byte[] NextTime { get; set; } = [];

    /// <summary>Raised when the next steps are saved: a save from a stale page is refused, not applied.</summary>
    public int Version { get; set; }

    public static string BindNextSteps(Guid id) => $"conversation:{id:N}:next-steps";

    public static string BindNextTime(Guid id) => $"conversation:{id:N}:next-time";
}

/// <summary>
/// Reflective listening: a listener writes back what they heard the speaker say; the speaker
/// confirms it or says what they meant instead (the speaker–listener technique).
/// </summary>
internal sealed class Reflection
{
    public const int TextLength = 4_000;

    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public Guid SpaceId { get; set; }

    public ConversationStep Step { get; set; }

    /// <summary>Who spoke (a user id). Not a foreign key: the speaker may leave, and the listener's words stay theirs.</summary>
    public Guid SpeakerId { get; set; }

    /// <summary>Who listened and wrote this: its author.</summary>
    public Guid ListenerId { get; set; }

    public byte[] Heard { get; set; } = [];

    public ReflectionStatus Status { get; set; }

    /// <summary>The speaker's "what I meant was…", sealed; empty when none.</summary>
    public byte[] Correction { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public static string BindHeard(Guid id) => $"reflection:{id:N}:heard";

    public static string BindCorrection(Guid id) => $"reflection:{id:N}:correction";
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("Conversations");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.SpaceId, c.StartedAt });
        builder.HasOne<Space>().WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Breach>().WithMany().HasForeignKey(c => c.BreachId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> builder)
    {
        builder.ToTable("Reflections");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.ConversationId, r.CreatedAt });
        builder.HasIndex(r => new { r.SpaceId, r.ListenerId });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ListenerId).OnDelete(DeleteBehavior.Cascade);
    }
}
