using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Infrastructure.Email;

internal enum EmailKind
{
    ConfirmEmail,
    AlreadyRegistered,
    ResetPassword,
    ResetWithoutAccount,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    AccountDeleted,
    UnlockBrowser,
    UnlockWithoutAccount,

    /// <summary>A content-free reminder; <see cref="OutboxMessage.Topic"/> names its words (Infrastructure/Reminders).</summary>
    Reminder,
}

/// <summary>
/// A message waiting to be sent. It holds what kind of message and to whom, never a token or a
/// link: those are made when the message is sent, so the table holds nothing an attacker could use.
/// The row is deleted once the message is handed over.
/// </summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public EmailKind Kind { get; set; }

    public Guid? UserId { get; set; }

    public string To { get; set; } = "";

    /// <summary>For <see cref="EmailKind.Reminder"/>: the key of its words in Content/reminders.en.json. Never content.</summary>
    public string? Topic { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set by the instance that is sending it, so that two instances never send one message twice.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Topic).HasMaxLength(40);
        builder.HasIndex(m => m.NextAttemptAt);
    }
}
