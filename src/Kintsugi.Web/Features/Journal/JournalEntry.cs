using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Atone;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Journal;

/// <summary>What an entry is: a plain journal entry, or written as part of the repair journey. Public so that pages can bind it.</summary>
public enum EntryKind
{
    Entry,

    /// <summary>A partner's own account of a breach.</summary>
    Account,

    /// <summary>What a breach did to the partner who was hurt.</summary>
    Impact,

    /// <summary>A note taken during a rebuilding conversation.</summary>
    Note,

    /// <summary>An answer to a letter of accountability.</summary>
    Response,
    /// <summary>A partner's own view of a crossed agreement (the "examine" part of the crossing loop).</summary>
    Examination,
}

/// <summary>
/// One journal entry, the first content type on the visibility policy. Its text is sealed under
/// the author's own key while private and under the space key while shared.
/// </summary>
internal sealed class JournalEntry : ISpaceContent
{
    public const int MaxLength = 20_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public Audience Audience { get; set; }

    public EntryKind Kind { get; set; }

    /// <summary>The breach an account or impact statement is about; cleared if that record is deleted, and the text stays its author's.</summary>
    public Guid? BreachId { get; set; }

    /// <summary>The conversation a note was taken in; cleared if that conversation goes.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>The letter a response answers; cleared if its author deletes it, and the response stays its author's.</summary>
    public Guid? LetterId { get; set; }
    /// <summary>The crossed agreement an examination is about; cleared if that record goes.</summary>
    public Guid? CrossingId { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when the text changes after it was first shared: readers see that it was edited, and the earlier wording.</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>When the entry was first shared. From then on every edit keeps the earlier wording, even one made while it is withdrawn.</summary>
    public DateTime? FirstSharedAt { get; set; }

    /// <summary>Raised on every change (text or audience): a save from a stale page is refused, not applied.</summary>
    public int Version { get; set; }

    public string Binding => Bind(Id);

    public static string Bind(Guid id) => $"journal:{id:N}:body";
}

/// <summary>The wording a shared entry had before an edit (C4: shared items carry visible edit markers).</summary>
internal sealed class JournalEntryVersion
{
    public Guid EntryId { get; set; }

    public int Number { get; set; }

    public byte[] Body { get; set; } = [];

    /// <summary>When this wording was replaced.</summary>
    public DateTime ReplacedAt { get; set; }

    public static string Bind(Guid entryId, int number) => $"journal:{entryId:N}:version:{number}";
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Binding);
        builder.HasIndex(e => new { e.SpaceId, e.CreatedAt });
        builder.HasIndex(e => e.BreachId);
        builder.HasIndex(e => e.ConversationId);
        builder.HasIndex(e => e.LetterId);
        builder.HasOne<Letter>().WithMany().HasForeignKey(e => e.LetterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.CrossingId);
        builder.HasOne<Agreements.Crossing>().WithMany().HasForeignKey(e => e.CrossingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Breach>().WithMany().HasForeignKey(e => e.BreachId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.AuthorId);
        builder.HasOne<Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JournalEntryVersionConfiguration : IEntityTypeConfiguration<JournalEntryVersion>
{
    public void Configure(EntityTypeBuilder<JournalEntryVersion> builder)
    {
        builder.ToTable("JournalEntryVersions");
        builder.HasKey(v => new { v.EntryId, v.Number });
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
