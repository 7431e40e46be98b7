using Kintsugi.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Infrastructure.Security;

/// <summary>
/// A person's own content key, for everything only they can see. It is deleted with the account,
/// which makes their private content unreadable in any old backup too (SECURITY.md D3).
/// </summary>
internal sealed class UserKey
{
    public Guid UserId { get; set; }

    public byte[] WrappedKey { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

internal sealed class UserKeyConfiguration : IEntityTypeConfiguration<UserKey>
{
    public void Configure(EntityTypeBuilder<UserKey> builder)
    {
        builder.ToTable("UserKeys");
        builder.HasKey(k => k.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
