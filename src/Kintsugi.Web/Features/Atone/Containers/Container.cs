using System.Text.Json;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Where a container is in its life. Public so that pages can bind it.</summary>
public enum ContainerState
{
    Planned,
    Running,
    Ended,
}

/// <summary>
/// When a container is, sealed as one value: the local date and time as the planner typed it
/// ("floating", like <see cref="Repair.NextTime"/>), its length, and the time zone of the planner's
/// browser, which turns it into the absolute start a reminder needs.
/// </summary>
internal sealed record ContainerPlan(string Local, int Minutes, string TimeZone)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ContainerPlan FromJson(string json) =>
        JsonSerializer.Deserialize<ContainerPlan>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("An empty container plan.");
}

/// <summary>How a container ended: notes, and what happens next. Sealed as one value.</summary>
internal sealed record ContainerClosing(string Notes, string Next)
{
    public static readonly ContainerClosing Empty = new("", "");

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ContainerClosing FromJson(string json) =>
        JsonSerializer.Deserialize<ContainerClosing>(json, JsonSerializerOptions.Web) ?? Empty;
}

/// <summary>
/// A container (seed 001): a set, time-boxed conversation about the hurt, so that it has a place
/// and does not leak into the whole of life. Joint content of the partners; when it is held with
/// the practitioner, they see it and help run it too (<see cref="Visibility.OpenTo{T}"/>).
/// </summary>
internal sealed class Container : IMediatedContent
{
    public const int ShortestMinutes = 15;
    public const int LongestMinutes = 180;
    public const int ExtraStep = 10;
    public const int MostExtraMinutes = 60;
    public const int ClosingLength = 5_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    /// <summary>The sealed <see cref="ContainerPlan"/>.</summary>
    public byte[] Plan { get; set; } = [];

    /// <summary>
    /// The start in UTC, in the clear: it orders containers and will time the reminder. It tells a
    /// reader of the database when a container is, never what it is about (ADR 0015).
    /// </summary>
    public DateTime StartsAt { get; set; }

    public bool WithPractitioner { get; set; }

    public ContainerState State { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Whose turn it is (a partner's user id); null when nobody has the floor.</summary>
    public Guid? SpeakerId { get; set; }

    /// <summary>When the current pause began (server time); null when not paused. Who called it is not recorded.</summary>
    public DateTime? PausedAt { get; set; }

    public DateTime? PausedUntil { get; set; }

    /// <summary>The length of earlier pauses: the time box does not run while the partners rest.</summary>
    public int PausedSeconds { get; set; }

    /// <summary>Minutes added by agreement when the time was up.</summary>
    public int ExtraMinutes { get; set; }

    /// <summary>The sealed <see cref="ContainerClosing"/>.</summary>
    public byte[] Closing { get; set; } = [];

    /// <summary>Raised when the closing record is saved: a save from a stale page is refused.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public static string BindPlan(Guid id) => $"container:{id:N}:plan";

    public static string BindClosing(Guid id) => $"container:{id:N}:closing";

    public ContainerPlan OpenPlan(byte[] spaceKey) => ContainerPlan.FromJson(ContentKeys.Open(spaceKey, Plan, BindPlan(Id)));

    public ContainerClosing OpenClosing(byte[] spaceKey) => ContainerClosing.FromJson(ContentKeys.Open(spaceKey, Closing, BindClosing(Id)));

    /// <summary>All the pausing so far, the current pause up to <paramref name="now"/> included.</summary>
    public TimeSpan PausedFor(DateTime now) =>
        TimeSpan.FromSeconds(PausedSeconds) + (PausedAt is { } at && PausedUntil is { } until ? (now < until ? now : until) - at : TimeSpan.Zero);

    /// <summary>Time left in the box while it runs (negative once it is up); null before it starts or after it ends.</summary>
    public TimeSpan? Left(DateTime now, int minutes) =>
        State == ContainerState.Running && StartedAt is { } started
            ? started.AddMinutes(minutes + ExtraMinutes) + PausedFor(now) - now
            : null;

    /// <summary>Ends the current pause (if any), adding its length to <see cref="PausedSeconds"/>.</summary>
    public void FoldPause(DateTime now)
    {
        var total = PausedFor(now);
        PausedSeconds = (int)Math.Ceiling(total.TotalSeconds);
        PausedAt = null;
        PausedUntil = null;
    }
}

/// <summary>One person's wish to be reminded of a container by e-mail (content-free). Nobody else sees it.</summary>
internal sealed class ContainerReminder
{
    public Guid ContainerId { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ContainerConfiguration : IEntityTypeConfiguration<Container>
{
    public void Configure(EntityTypeBuilder<Container> builder)
    {
        builder.ToTable("Containers");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.SpaceId, c.StartsAt });
        builder.HasOne<Space>().WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContainerReminderConfiguration : IEntityTypeConfiguration<ContainerReminder>
{
    public void Configure(EntityTypeBuilder<ContainerReminder> builder)
    {
        builder.ToTable("ContainerReminders");
        builder.HasKey(r => new { r.ContainerId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Container>().WithMany().HasForeignKey(r => r.ContainerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
