using System.Security.Cryptography;
using System.Text;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Account.TwoFactor;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// An open invitation into a space. Only a hash of its code is stored; using it deletes the row
/// (single use), and so does revoking it (SECURITY.md A6).
/// </summary>
internal sealed class Invite
{
    /// <summary>160 random bits: far beyond guessing, and 32 characters to type.</summary>
    public const int CodeBytes = 20;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public MemberRole Role { get; set; }

    public byte[] CodeHash { get; set; } = [];

    public Guid CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>A new code, grouped in fours so it can be read out or typed: ABCD-EFGH-….</summary>
    public static string NewCode() =>
        string.Join('-', Base32.Encode(RandomNumberGenerator.GetBytes(CodeBytes)).Chunk(4).Select(c => new string(c)));

    /// <summary>Codes are compared by hash, ignoring case, spaces and dashes, so a typed code works however it is written.</summary>
    public static byte[] Hash(string code)
    {
        var normalized = new string([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return SHA256.HashData(Encoding.ASCII.GetBytes(normalized));
    }
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("Invites");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CodeHash).HasMaxLength(32);
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => i.SpaceId);
        builder.HasOne<Space>().WithMany().HasForeignKey(i => i.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.Cascade);
    }
}
