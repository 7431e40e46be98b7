using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Account.Throttling;

/// <summary>
/// A fixed-window counter shared by every instance. The key is a keyed hash, so the table never
/// holds an e-mail address, and unknown addresses are counted exactly like known ones.
/// </summary>
internal sealed class AuthThrottle
{
    public string Key { get; set; } = "";

    public DateTime WindowStartedAt { get; set; }

    public int Count { get; set; }
}

internal sealed class AuthThrottleConfiguration : IEntityTypeConfiguration<AuthThrottle>
{
    public void Configure(EntityTypeBuilder<AuthThrottle> builder)
    {
        builder.ToTable("AuthThrottles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.HasIndex(t => t.WindowStartedAt);
    }
}
