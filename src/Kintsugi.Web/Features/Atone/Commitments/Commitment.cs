using System.Text.Json;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Atone;

/// <summary>What a commitment says, sealed as one value: what I will do and how often.</summary>
internal sealed record CommitmentRecord(string What, string HowOften, string? HowOftenWords)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static CommitmentRecord FromJson(string json) =>
        JsonSerializer.Deserialize<CommitmentRecord>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("An empty commitment.");
}

/// <summary>
/// A repair commitment: a behaviour its author promises ("I will tell you when I'm working late").
/// Only its author logs how it went (<see cref="FollowThrough"/>); the others may say they noticed
/// (<see cref="Noticed"/>). Nothing is recorded that the author did not enter: it is not monitoring.
/// </summary>
internal sealed class Commitment : ISpaceContent
{
    public const int WhatLength = 500;
    public const int HowOftenWordsLength = 120;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public Audience Audience { get; set; }

    /// <summary>The sealed <see cref="CommitmentRecord"/>.</summary>
    public byte[] Record { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    public DateTime? FirstSharedAt { get; set; }

    /// <summary>Set when its author lays it down (it was kept long enough, or replaced); the log stays.</summary>
    public DateTime? EndedAt { get; set; }

    public int Version { get; set; }

    public string Binding => Bind(Id);

    public static string Bind(Guid id) => $"commitment:{id:N}:record";

    public CommitmentRecord OpenRecord(byte[] key) => CommitmentRecord.FromJson(ContentKeys.Open(key, Record, Binding));
}

/// <summary>One line of the author's own log: on this day it was kept, or it was not. Its note is sealed with the commitment.</summary>
internal sealed class FollowThrough
{
    public const int NoteLength = 1_000;

    public Guid Id { get; set; }

    public Guid CommitmentId { get; set; }

    public Guid SpaceId { get; set; }

    /// <summary>The day, as the author gave it (their own calendar date).</summary>
    public DateOnly Day { get; set; }

    public bool Kept { get; set; }

    /// <summary>Sealed under the commitment's key; empty when there is no note.</summary>
    public byte[] Note { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public static string Bind(Guid id) => $"follow-through:{id:N}:note";
}

/// <summary>"I noticed": another partner saw the commitment kept on that day.</summary>
internal sealed class Noticed
{
    public Guid FollowThroughId { get; set; }

    public Guid UserId { get; set; }

    public DateTime At { get; set; }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("Commitments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Binding);
        builder.HasIndex(c => new { c.SpaceId, c.CreatedAt });
        builder.HasIndex(c => c.AuthorId);
        builder.HasOne<Space>().WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowThroughConfiguration : IEntityTypeConfiguration<FollowThrough>
{
    public void Configure(EntityTypeBuilder<FollowThrough> builder)
    {
        builder.ToTable("FollowThroughs");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasIndex(f => new { f.CommitmentId, f.Day });
        builder.HasOne<Commitment>().WithMany().HasForeignKey(f => f.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticedConfiguration : IEntityTypeConfiguration<Noticed>
{
    public void Configure(EntityTypeBuilder<Noticed> builder)
    {
        builder.ToTable("Noticed");
        builder.HasKey(n => new { n.FollowThroughId, n.UserId });
        builder.HasOne<FollowThrough>().WithMany().HasForeignKey(n => n.FollowThroughId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
