using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Account.Sessions;

/// <summary>
/// One signed-in browser or client. The auth cookie only carries this id; the row is checked on
/// every request, so ending a session takes effect on its very next request (SECURITY.md B7).
/// </summary>
internal sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>The absolute end of the session, however active it is.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>"Keep me signed in" sessions get the longer idle timeout.</summary>
    public bool IsPersistent { get; set; }

    /// <summary>A coarse label such as "Firefox on Android", so the owner can tell sessions apart.</summary>
    public string Client { get; set; } = "";
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Client).HasMaxLength(100);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
