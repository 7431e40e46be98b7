using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kintsugi.Web.Features.Account.Sessions;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.Data;

/// <summary>
/// Download everything the app holds about the signed-in person, as JSON (password required).
/// Later features add their own sections to <see cref="Export"/>.
/// </summary>
internal static class ExportData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [StringLength(512)]
        public string Password { get; set; } = "";
    }

    public sealed record Export(DateTime ExportedAt, AccountSection Account, IReadOnlyList<ListSessions.Item> Sessions, IReadOnlyList<Spaces.ExportSpaces.SpaceSection> Spaces);

    public sealed record AccountSection(Guid Id, string Email, bool EmailConfirmed, DateTime CreatedAt, bool TwoFactorEnabled, int RecoveryCodesLeft);

    public sealed record File(string Name, byte[] Content);

    public sealed class Handler(UserManager<AppUser> users, StepUp stepUp, ListSessions.Handler sessions, Spaces.ExportSpaces.Handler spaces, TimeProvider time)
    {
        public async Task<Outcome<File>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var verified = await stepUp.VerifyAsync(request.Password, cancellationToken);
            if (!verified.Succeeded)
            {
                return verified.Failure<File>();
            }

            var user = verified.Value!;
            var now = time.GetUtcNow().UtcDateTime;
            var export = new Export(
                now,
                new AccountSection(user.Id, user.Email!, user.EmailConfirmed, user.CreatedAt, user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user)),
                await sessions.HandleAsync(cancellationToken),
                await spaces.HandleAsync(user.Id, cancellationToken));
            return Outcome<File>.Ok(new File($"kintsugi-export-{now:yyyy-MM-dd}.json", JsonSerializer.SerializeToUtf8Bytes(export, Json)));
        }
    }
}
