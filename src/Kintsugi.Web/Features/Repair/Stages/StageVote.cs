using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The four stages of the journey (CONTENT.md: Atone → Attune → Attach, then Sustain). Public so that pages can bind it.</summary>
public enum Stage
{
    Atone,
    Attune,
    Attach,
    Sustain,
}

/// <summary>
/// One partner's wish to move the space from its current stage to another: forward ("I feel ready
/// to move on", seen by nobody else) or back (a proposal the other partners see and can join).
/// The space moves when every partner wants the same move. Votes for an earlier stage of the space are void.
/// </summary>
internal sealed class StageVote
{
    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public Stage From { get; set; }

    public Stage To { get; set; }

    public bool IsForward => To > From;
}

internal sealed class StageVoteConfiguration : IEntityTypeConfiguration<StageVote>
{
    public void Configure(EntityTypeBuilder<StageVote> builder)
    {
        builder.ToTable("StageVotes");
        builder.HasKey(v => new { v.SpaceId, v.UserId });
        builder.Property(v => v.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.To).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(v => v.IsForward);
        builder.HasOne<Space>().WithMany().HasForeignKey(v => v.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
