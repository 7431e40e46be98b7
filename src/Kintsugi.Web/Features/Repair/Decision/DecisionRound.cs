using System.Text.Json;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// One round of the decision point. A round exists from its first answer on; it is revealed when
/// every partner has answered, and stays revealed. Nothing about it (not its id, not when it was
/// opened) is shown before then, because that would tell who answered first (PRODUCT.md, sealed answers).
/// For the same reason no row keeps when anyone answered.
/// </summary>
internal sealed class DecisionRound
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public int Number { get; set; }

    public DateTime? RevealedAt { get; set; }
}

/// <summary>One partner's sealed answer in one round. Every part of it may be skipped.</summary>
internal sealed class DecisionAnswer
{
    public Guid RoundId { get; set; }

    public Guid UserId { get; set; }

    public Guid SpaceId { get; set; }

    /// <summary>The sealed <see cref="DecisionAnswerText"/>, under the space key, bound to round and person.</summary>
    public byte[] Answer { get; set; } = [];

    public static string Bind(Guid roundId, Guid userId) => $"decision:{roundId:N}:{userId:N}";
}

/// <summary>What one partner answered. Keys come from the content file; null is skipped.</summary>
public sealed record DecisionAnswerText(string? Amends, string? Release, string? Happy, string? Sureness, string? Path, string? Note)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static DecisionAnswerText FromJson(string json) =>
        JsonSerializer.Deserialize<DecisionAnswerText>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("An empty answer.");
}

internal sealed class DecisionRoundConfiguration : IEntityTypeConfiguration<DecisionRound>
{
    public void Configure(EntityTypeBuilder<DecisionRound> builder)
    {
        builder.ToTable("DecisionRounds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.SpaceId, r.Number }).IsUnique();
        builder.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionAnswerConfiguration : IEntityTypeConfiguration<DecisionAnswer>
{
    public void Configure(EntityTypeBuilder<DecisionAnswer> builder)
    {
        builder.ToTable("DecisionAnswers");
        builder.HasKey(a => new { a.RoundId, a.UserId });
        builder.HasIndex(a => new { a.SpaceId, a.UserId });
        builder.HasOne<DecisionRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
