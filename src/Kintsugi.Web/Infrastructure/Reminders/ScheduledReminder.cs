using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Infrastructure.Reminders;

/// <summary>
/// A content-free e-mail reminder due at a time: to one person, about one thing (<see cref="Ref"/>,
/// for cancelling), of one kind (a key into Content/reminders.en.json, whose words name nothing).
/// Rows are written for everyone concerned; whether an e-mail goes out is decided when it is due,
/// by the person's own opt-in (<see cref="ReminderOptIn"/>), unless they asked for this very one.
/// </summary>
internal sealed class ScheduledReminder
{
    public const int KindLength = 40;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid? SpaceId { get; set; }

    public DateTime DueAt { get; set; }

    public string Kind { get; set; } = "";

    public Guid Ref { get; set; }

    /// <summary>The person asked for this one reminder themselves (a container's "e-mail me a reminder"): no general opt-in needed.</summary>
    public bool AskedFor { get; set; }

    /// <summary>Set by the one instance that claimed it (a conditional UPDATE), in the same transaction as its e-mail.</summary>
    public DateTime? SentAt { get; set; }
}

/// <summary>A person's yes to reminder e-mails. No row, no e-mail (SECURITY.md C3: opt-in).</summary>
internal sealed class ReminderOptIn
{
    public Guid UserId { get; set; }

    public DateTime ChosenAt { get; set; }
}

internal sealed class ScheduledReminderConfiguration : IEntityTypeConfiguration<ScheduledReminder>
{
    public void Configure(EntityTypeBuilder<ScheduledReminder> builder)
    {
        builder.ToTable("ScheduledReminders");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasMaxLength(ScheduledReminder.KindLength);
        builder.HasIndex(r => new { r.SentAt, r.DueAt });
        builder.HasIndex(r => r.Ref);
        builder.HasIndex(r => new { r.UserId, r.SpaceId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderOptInConfiguration : IEntityTypeConfiguration<ReminderOptIn>
{
    public void Configure(EntityTypeBuilder<ReminderOptIn> builder)
    {
        builder.ToTable("ReminderOptIns");
        builder.HasKey(o => o.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
