using Kintsugi.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Spaces;

internal enum MemberRole
{
    Partner,
    Practitioner,
}

internal enum MemberStatus
{
    /// <summary>Used an invite; waits for every current partner's approval and sees nothing inside.</summary>
    Pending,
    Active,
}

/// <summary>
/// A person's place in a space. Leaving deletes the row, so a person who left is, to the space,
/// exactly a stranger (SECURITY.md A5, A7).
/// </summary>
internal sealed class Membership
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public MemberRole Role { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>The name this person goes by in this space, encrypted under the space key.</summary>
    public byte[] DisplayName { get; set; } = [];

    public DateTime RequestedAt { get; set; }

    public DateTime? JoinedAt { get; set; }

    /// <summary>When this person last took the private safety check; only ever shown to them. Answers are not kept.</summary>
    public DateTime? SafetyCheckedAt { get; set; }
}

/// <summary>One current partner's yes to one pending member.</summary>
internal sealed class JoinApproval
{
    public Guid MembershipId { get; set; }

    public Guid ApproverId { get; set; }

    public DateTime ApprovedAt { get; set; }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.SpaceId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Space>().WithMany().HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JoinApprovalConfiguration : IEntityTypeConfiguration<JoinApproval>
{
    public void Configure(EntityTypeBuilder<JoinApproval> builder)
    {
        builder.ToTable("JoinApprovals");
        builder.HasKey(a => new { a.MembershipId, a.ApproverId });
        builder.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ApproverId).OnDelete(DeleteBehavior.Cascade);
    }
}
