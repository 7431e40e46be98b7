using Kintsugi.Web.Features.Repair;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// One relationship. Its name, shared values and journey are content: they are stored encrypted
/// under the space's own key (SECURITY.md D1), which is stored wrapped by the master key.
/// </summary>
internal sealed class Space
{
    public Guid Id { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The space key, sealed under a key derived from the master key, bound to this id.</summary>
    public byte[] WrappedKey { get; set; } = [];

    public byte[] Name { get; set; } = [];

    public byte[] Values { get; set; } = [];

    public byte[] Journey { get; set; } = [];

    /// <summary>Where the partners are in the journey. It moves only when every partner wants the same move (<see cref="StageVote"/>).</summary>
    public Stage Stage { get; set; }

    /// <summary>Raised on every change to name, values or journey: two partners editing at once never overwrite each other silently.</summary>
    public int Version { get; set; }
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.ToTable("Spaces");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
    }
}
