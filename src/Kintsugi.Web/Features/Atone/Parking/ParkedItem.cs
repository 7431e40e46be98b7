using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// A trigger or question a partner "parked" for the next container instead of raising it in the
/// moment. It is private to its author (sealed under their own key) until they put it on a
/// container's agenda; then it is sealed under the space key for the container's audience (the
/// partners, and the practitioner when the container is held with them). Taking it off the agenda
/// makes it private again. Invariant: <see cref="ContainerId"/> is set exactly when the audience is not <see cref="Audience.OnlyMe"/>.
/// </summary>
internal sealed class ParkedItem : ISpaceContent
{
    public const int TextLength = 2_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public Audience Audience { get; set; }

    public byte[] Text { get; set; } = [];

    /// <summary>The container whose agenda it is on, if any.</summary>
    public Guid? ContainerId { get; set; }

    /// <summary>When it was put on the agenda: the agenda's order.</summary>
    public DateTime? PlacedAt { get; set; }

    /// <summary>Marked in the container as talked about.</summary>
    public bool TalkedAbout { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string Binding => Bind(Id);

    public static string Bind(Guid id) => $"parked:{id:N}:text";

    /// <summary>The audience an item on this container's agenda has.</summary>
    public static Audience AudienceFor(Container container) => container.WithPractitioner ? Audience.PartnersAndPractitioner : Audience.Partners;
}

internal sealed class ParkedItemConfiguration : IEntityTypeConfiguration<ParkedItem>
{
    public void Configure(EntityTypeBuilder<ParkedItem> builder)
    {
        builder.ToTable("ParkedItems");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(p => p.Binding);
        builder.HasIndex(p => new { p.SpaceId, p.AuthorId });
        builder.HasIndex(p => p.ContainerId);
        builder.HasOne<Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // A container is only deleted after its agenda was handed back (CancelContainer); the null is a last guard.
        builder.HasOne<Container>().WithMany().HasForeignKey(p => p.ContainerId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>Moving parked items between private and an agenda: the text is sealed again under the key the new audience needs.</summary>
internal static class ParkedItems
{
    public static async Task PlaceAsync(ContentKeys keys, ParkedItem item, Container? container, DateTime now, CancellationToken cancellationToken)
    {
        var to = container is null ? Audience.OnlyMe : ParkedItem.AudienceFor(container);
        var text = ContentKeys.Open(await keys.ForAsync(item.SpaceId, item.AuthorId, item.Audience, cancellationToken), item.Text, item.Binding);
        item.Text = ContentKeys.Seal(await keys.ForAsync(item.SpaceId, item.AuthorId, to, cancellationToken), text, item.Binding);
        item.Audience = to;
        item.ContainerId = container?.Id;
        item.PlacedAt = container is null ? null : now;
        item.TalkedAbout = false;
        item.UpdatedAt = now;
    }

    /// <summary>Every item on a container's agenda goes back to its author, private again (the container is being cancelled).</summary>
    public static async Task ReturnAllAsync(AppDbContext db, ContentKeys keys, Guid containerId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var item in await db.ParkedItems.Where(p => p.ContainerId == containerId).ToListAsync(cancellationToken))
        {
            await PlaceAsync(keys, item, null, now, cancellationToken);
        }
    }
}
