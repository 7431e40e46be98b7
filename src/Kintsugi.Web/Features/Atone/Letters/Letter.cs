using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// A letter of accountability (seed 001), written by the partner who caused harm. Private while it
/// is drafted, like all content; every saved draft is kept (<see cref="LetterDraft"/>). Answers to it
/// are journal entries of kind <see cref="Journal.EntryKind.Response"/> with their own audience.
/// </summary>
internal sealed class Letter : ISpaceContent
{
    public const int MaxLength = 20_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public Audience Audience { get; set; }

    /// <summary>The current wording, sealed under the key its audience calls for.</summary>
    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? FirstSharedAt { get; set; }

    /// <summary>Set when the wording changes after the letter was first shared.</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>The number of the current draft, raised on every saved change of wording.</summary>
    public int Draft { get; set; }

    /// <summary>Raised on every change (wording or audience): a save from a stale page is refused, not applied.</summary>
    public int Version { get; set; }

    public string Binding => Bind(Id);

    public static string Bind(Guid id) => $"letter:{id:N}:body";
}

/// <summary>
/// A saved wording of a letter, sealed under its author's own key whatever the letter's audience.
/// <see cref="SharedWith"/> is the widest audience that ever had it in front of them: a draft saved
/// while the letter was private (before it was shared, or while it was taken back) stays the
/// author's alone, even after the letter is shared again (SECURITY.md C4).
/// </summary>
internal sealed class LetterDraft
{
    public Guid LetterId { get; set; }

    public int Number { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTime SavedAt { get; set; }

    public Audience SharedWith { get; set; }

    /// <summary>Whether a reader with this role may read a draft shared this widely.</summary>
    public static bool Reaches(Audience sharedWith, bool practitioner) =>
        practitioner ? sharedWith == Audience.PartnersAndPractitioner : sharedWith != Audience.OnlyMe;

    /// <summary>The wider of two audiences (only me &lt; partners &lt; partners and practitioner).</summary>
    public static Audience Wider(Audience a, Audience b) => (Audience)Math.Max((int)a, (int)b);

    public static string Bind(Guid letterId, int number) => $"letter:{letterId:N}:draft:{number}";
}

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.ToTable("Letters");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.Binding);
        builder.HasIndex(l => new { l.SpaceId, l.CreatedAt });
        builder.HasIndex(l => l.AuthorId);
        builder.HasOne<Space>().WithMany().HasForeignKey(l => l.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LetterDraftConfiguration : IEntityTypeConfiguration<LetterDraft>
{
    public void Configure(EntityTypeBuilder<LetterDraft> builder)
    {
        builder.ToTable("LetterDrafts");
        builder.HasKey(d => new { d.LetterId, d.Number });
        builder.Property(d => d.SharedWith).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Letter>().WithMany().HasForeignKey(d => d.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}
