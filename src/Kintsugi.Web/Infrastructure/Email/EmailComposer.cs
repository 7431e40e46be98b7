using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kintsugi.Web.Infrastructure.Email;

/// <summary>
/// Writes each kind of message at the moment it is sent. Messages say only what the flow needs:
/// no names, nothing about relationships or what anyone wrote (SECURITY.md C3), because someone
/// else may read the inbox.
/// </summary>
internal sealed class EmailComposer(UserManager<AppUser> users, PublicUrl publicUrl, IOptions<EmailOptions> options)
{
    private (string Subject, string Body) Reminder(Reminders.ReminderText.Message words) =>
        (words.Subject, $"{words.Body}\n\n{publicUrl.For("/spaces")}\n\nYou asked for these reminders; turn them off on the agreements page of any space.");

    /// <summary>The message, or null when it no longer makes sense (the account is gone or already confirmed).</summary>
    public async Task<MimeMessage?> ComposeAsync(OutboxMessage message)
    {
        var user = message.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        (string Subject, string Body)? content = message.Kind switch
        {
            EmailKind.ConfirmEmail when user is { EmailConfirmed: false } => (
                "Confirm your e-mail address",
                $"""
                Hello,

                To finish creating your Kintsugi account, confirm your e-mail address by opening this link:

                {publicUrl.For("/account/confirm-email", EmailLink.Query(user, await users.GenerateEmailConfirmationTokenAsync(user)))}

                The link works for 24 hours. If you didn't create an account, you can ignore this message.
                """),
            EmailKind.AlreadyRegistered => (
                "About your Kintsugi account",
                $"""
                Hello,

                Someone tried to create a Kintsugi account with this e-mail address, but there already is one.

                If it was you, you can sign in here: {publicUrl.For("/account/sign-in")}
                Forgot your password? Choose a new one here: {publicUrl.For("/account/forgot-password")}

                If it wasn't you, you can ignore this message. Nothing has changed.
                """),
            EmailKind.ResetPassword when user is not null => (
                "Choose a new password",
                $"""
                Hello,

                Someone (hopefully you) asked to reset the password for your Kintsugi account. To choose a new one, open this link:

                {publicUrl.For("/account/reset-password", EmailLink.Query(user, await users.GeneratePasswordResetTokenAsync(user)))}

                The link works for 2 hours. If you didn't ask for this, you can ignore this message: your password stays as it is.
                """),
            EmailKind.ResetWithoutAccount => (
                "Choose a new password",
                $"""
                Hello,

                Someone asked to reset a Kintsugi password for this e-mail address, but there is no account with it.
                If it was you, perhaps you signed up with a different address. You can also create an account: {publicUrl.For("/account/register")}

                If it wasn't you, you can ignore this message.
                """),
            EmailKind.PasswordChanged => (
                "Your password was changed",
                $"""
                Hello,

                The password for your Kintsugi account was just changed, and every other signed-in session was ended.

                If this was you, there is nothing more to do. If it wasn't, choose a new password now: {publicUrl.For("/account/forgot-password")}
                """),
            EmailKind.TwoFactorEnabled => (
                "Two-step sign-in is on",
                """
                Hello,

                Two-step sign-in with an authenticator app was just turned on for your Kintsugi account.

                If this wasn't you, reset your password and sign in with one of your recovery codes.
                """),
            EmailKind.TwoFactorDisabled => (
                "Two-step sign-in is off",
                $"""
                Hello,

                Two-step sign-in was just turned off for your Kintsugi account.

                If this wasn't you, choose a new password now: {publicUrl.For("/account/forgot-password")}
                """),
            EmailKind.UnlockBrowser when user is not null => (
                "Unlock your browser",
                $"""
                Hello,

                Someone (hopefully you) asked for a link to sign in to Kintsugi again after too many wrong attempts.
                Open it in the browser you want to use, and press the button on the page:

                {publicUrl.For("/account/unlock/confirm", EmailLink.Query(user, await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, Features.Account.SignIn.UnlockBrowser.TokenPurpose)))}

                If you didn't ask for this, someone may be trying to guess your password. The link does not sign anyone in;
                you can ignore it, or choose a new password to be safe: {publicUrl.For("/account/forgot-password")}
                """),
            EmailKind.UnlockWithoutAccount => (
                "Unlock your browser",
                """
                Hello,

                Someone asked for a link to sign in to Kintsugi with this e-mail address, but there is no account with it.
                If it was you, perhaps you signed up with a different address. Otherwise you can ignore this message.
                """),
            EmailKind.AccountDeleted => (
                "Your account was deleted",
                """
                Hello,

                Your Kintsugi account and everything in it have been deleted, as you asked. We won't write to you again.
                """),
            EmailKind.Reminder when user is not null => Reminder(Reminders.ReminderText.English.For(message.Topic)),
            _ => null,
        };

        if (content is null)
        {
            return null;
        }

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = content.Value.Subject;
        mime.Body = new TextPart("plain") { Text = content.Value.Body + "\n\n— Kintsugi\n" };
        return mime;
    }
}
