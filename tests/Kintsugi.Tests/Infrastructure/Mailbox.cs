using System.Text.RegularExpressions;
using MimeKit;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes to its pickup folder, as a person reads their inbox.</summary>
public sealed partial class Mailbox(string directory)
{
    public IReadOnlyList<MimeMessage> All() => Directory.Exists(directory)
        ? [.. Directory.GetFiles(directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
        : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for the count of messages to an address to reach <paramref name="count"/>, and returns the newest.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var messages = To(address);
            if (messages.Count >= count)
            {
                return messages[^1];
            }

            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
            {
                throw new TimeoutException($"Expected {count} message(s) to {address}, found {messages.Count}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for a message to the address with the given subject.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (To(address).FirstOrDefault(m => m.Subject == subject) is { } message)
            {
                return message;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"No message \"{subject}\" to {address}.");
            }

            await Task.Delay(50);
        }
    }

    public static string Link(MimeMessage message, string pathStart) =>
        LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => new Uri(l).AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link to {pathStart} in the message.");

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
