using System.Text.Json;

namespace Kintsugi.Web.Infrastructure.Reminders;

/// <summary>
/// The words of reminder e-mails (Content/reminders.en.json), one subject and body per kind. They
/// say only that something is due and where to look: no space, no names, no content (SECURITY.md C3).
/// </summary>
internal sealed record ReminderText(IReadOnlyDictionary<string, ReminderText.Message> Kinds, ReminderText.Message Fallback)
{
    public static ReminderText English { get; } = Load("reminders.en.json");

    public sealed record Message(string Subject, string Body);

    public Message For(string? kind) => kind is not null && Kinds.TryGetValue(kind, out var message) ? message : Fallback;

    private static ReminderText Load(string name)
    {
        using var stream = typeof(ReminderText).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new InvalidOperationException($"Content file {name} is not built into the app.");
        return JsonSerializer.Deserialize<ReminderText>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}
