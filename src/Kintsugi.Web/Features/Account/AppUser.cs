using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Account;

/// <summary>One person, one account (SECURITY.md B1). The e-mail address is also the user name.</summary>
internal sealed class AppUser : IdentityUser<Guid>
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The last TOTP time step accepted, so that no code is accepted twice (SECURITY.md B4).</summary>
    public long? AuthenticatorLastUsedStep { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
    }
}
